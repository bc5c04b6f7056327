import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaffSessionProvider, useStaff, type StaffSession } from './session';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Signs in with an access token valid for {@code expiresIn} seconds; the server renews it as "at2". */
async function signedInFor(expiresIn: number) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    calls.push(url);
    if (url === '/api/v1/auth/refresh') return json(200, { status: 'AUTHENTICATED', accessToken: 'at2', refreshToken: 'rt2', expiresIn: 300 });
    if (url === '/api/v1/auth/me') return json(200, { userId: 'n1', clinicId: 'c1', username: 'nurse', role: 'NURSE', passwordChangeRequired: false });
    return json(404, { detail: `no ${url}` });
  }));
  let session: StaffSession | null = null;
  function Probe() {
    session = useStaff();
    return null;
  }
  render(<StaffSessionProvider><Probe /></StaffSessionProvider>);
  await act(async () => {
    await session!.signedIn({ status: 'AUTHENTICATED', accessToken: 'at1', refreshToken: 'rt1', expiresIn, role: 'NURSE', enrolmentToken: null, recoveryCodes: null });
  });
  return { session: session!, calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('freshAccessToken', () => {
  it('gives the current token while it has time left, without asking the server', async () => {
    const { session, calls } = await signedInFor(300);
    expect(await session.freshAccessToken()).toBe('at1');
    expect(calls).not.toContain('/api/v1/auth/refresh');
  });

  it('renews a token about to expire before a stream starts with it', async () => {
    const { session, calls } = await signedInFor(10);
    let token: string | null = null;
    await act(async () => {
      token = await session.freshAccessToken();
    });
    expect(token).toBe('at2');
    expect(calls.filter((c) => c === '/api/v1/auth/refresh')).toHaveLength(1);
  });
});
