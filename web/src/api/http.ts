/** A failed API call, carrying the server's RFC 9457 problem (its `detail` is written for people). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly problemType?: string,
    readonly body?: Record<string, unknown>,
  ) {
    super(detail);
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A body sent as is (a document upload), with its media type, instead of JSON. */
  raw?: { content: string; contentType: string };
  token?: string | null;
  signal?: AbortSignal;
}

/** JSON over HTTP with the bearer token; problem+json errors become {@link ApiError}. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body !== undefined || options.raw ? 'POST' : 'GET'),
      headers,
      body: options.raw ? options.raw.content : options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const text = await response.text();
  const json = text ? safeParse(text) : null;
  if (!response.ok) {
    const problem = (json ?? {}) as Record<string, unknown>;
    throw new ApiError(
      response.status,
      typeof problem.detail === 'string' ? problem.detail : response.statusText || `HTTP ${response.status}`,
      typeof problem.type === 'string' ? problem.type : undefined,
      problem,
    );
  }
  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The last path segment of a problem type URI (e.g. `.../problems/claimed-by-another` → `claimed-by-another`). */
export function problemCode(error: unknown): string | undefined {
  if (error instanceof ApiError && error.problemType) {
    return error.problemType.substring(error.problemType.lastIndexOf('/') + 1);
  }
  return undefined;
}
