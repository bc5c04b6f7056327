import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, request, type RequestOptions } from '../api/http';
import type { StaffRole } from '../api/types';

export interface Me {
  userId: string;
  clinicId: string;
  username: string;
  role: StaffRole;
  passwordChangeRequired: boolean;
}

interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (ms since the epoch); 0 when the server did not say. */
  expiresAt: number;
}

/** A token with less than this left is renewed before a long-lived use (a live stream). */
const FRESH_FOR_MS = 30_000;

function tokensOf(r: LoginResponse): Tokens {
  return { accessToken: r.accessToken!, refreshToken: r.refreshToken!, expiresAt: r.expiresIn ? Date.now() + r.expiresIn * 1000 : 0 };
}

export interface LoginResponse {
  status: 'AUTHENTICATED' | 'MFA_ENROLMENT_REQUIRED';
  accessToken: string | null;
  refreshToken: string | null;
  /** Seconds the access token is valid for. */
  expiresIn?: number | null;
  role: StaffRole | null;
  enrolmentToken: string | null;
  recoveryCodes: string[] | null;
}

export type LoginResult = { kind: 'ok' } | { kind: 'enrolment-required'; enrolmentToken: string };

export interface StaffSession {
  me: Me | null;
  login(clinic: string, username: string, password: string, totp: string): Promise<LoginResult>;
  /** Sign in with the tokens a finished MFA enrolment returned. */
  signedIn(response: LoginResponse): Promise<void>;
  logout(): Promise<void>;
  /** An API call as the signed-in member of staff: refreshes the access token once when it has expired. */
  api<T>(path: string, options?: Omit<RequestOptions, 'token'>): Promise<T>;
  accessToken(): Promise<string | null>;
  /** An access token valid for a while yet (renewed first if it is about to expire), for a live stream. */
  freshAccessToken(): Promise<string | null>;
  refreshMe(): Promise<void>;
}

// The refresh token survives a reload of this tab only (sessionStorage), never other tabs or a closed browser.
const STORE = 'medassist.staff.refresh';

const Context = createContext<StaffSession | null>(null);

export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const tokens = useRef<Tokens | null>(null);
  const refreshing = useRef<Promise<string | null> | null>(null);

  const refresh = useCallback(async (): Promise<string | null> => {
    const refreshToken = tokens.current?.refreshToken ?? sessionStorage.getItem(STORE);
    if (!refreshToken) return null;
    refreshing.current ??= request<LoginResponse>('/api/v1/auth/refresh', { body: { refreshToken } })
      .then((r) => {
        tokens.current = tokensOf(r);
        sessionStorage.setItem(STORE, r.refreshToken!);
        return r.accessToken;
      })
      .catch(() => {
        tokens.current = null;
        sessionStorage.removeItem(STORE);
        setMe(null);
        return null;
      })
      .finally(() => {
        refreshing.current = null;
      });
    return refreshing.current;
  }, []);

  const accessToken = useCallback(async () => tokens.current?.accessToken ?? refresh(), [refresh]);

  const freshAccessToken = useCallback(async () => {
    const current = tokens.current;
    return current && current.expiresAt - Date.now() > FRESH_FOR_MS ? current.accessToken : refresh();
  }, [refresh]);

  const api = useCallback(
    async <T,>(path: string, options: Omit<RequestOptions, 'token'> = {}): Promise<T> => {
      const token = await accessToken();
      try {
        return await request<T>(path, { ...options, token });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          const fresh = await refresh();
          if (fresh) return request<T>(path, { ...options, token: fresh });
        }
        throw e;
      }
    },
    [accessToken, refresh],
  );

  const refreshMe = useCallback(async () => {
    setMe(await api<Me>('/api/v1/auth/me'));
  }, [api]);

  const signedIn = useCallback(
    async (r: LoginResponse) => {
      tokens.current = tokensOf(r);
      sessionStorage.setItem(STORE, r.refreshToken!);
      await refreshMe();
    },
    [refreshMe],
  );

  const login = useCallback(
    async (clinic: string, username: string, password: string, totp: string): Promise<LoginResult> => {
      const r = await request<LoginResponse>('/api/v1/auth/login', { body: { clinic, username, password, totp: totp || null } });
      if (r.status !== 'AUTHENTICATED') return { kind: 'enrolment-required', enrolmentToken: r.enrolmentToken! };
      await signedIn(r);
      return { kind: 'ok' };
    },
    [signedIn],
  );

  const logout = useCallback(async () => {
    try {
      if (tokens.current) await request('/api/v1/auth/logout', { method: 'POST', token: tokens.current.accessToken, body: {} });
    } catch {
      // The session ends here either way; the server's expires on its own.
    }
    tokens.current = null;
    sessionStorage.removeItem(STORE);
    setMe(null);
  }, []);

  const value = useMemo(
    () => ({ me, login, signedIn, logout, api, accessToken, freshAccessToken, refreshMe }),
    [me, login, signedIn, logout, api, accessToken, freshAccessToken, refreshMe],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useStaff(): StaffSession {
  const session = useContext(Context);
  if (!session) throw new Error('useStaff outside StaffSessionProvider');
  return session;
}
