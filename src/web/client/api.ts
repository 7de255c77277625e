import { requestLang, t } from './i18n';
import { navigate } from './router';
import {
  clearSession,
  getSession,
  readStored,
  type SessionResponse,
  startSession,
  syncFromStorage,
} from './session';

/** A refusal from the server (its `{ statusCode, error, message, details }` body) or no answer. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached */
    readonly status: number,
    /** the server's `error` code, e.g. 'conflict', 'rate_limited', or 'network' */
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Headers,
    /** the server's stable `reason`, e.g. 'space.occupied', with the params it was built from */
    readonly reason?: string,
    readonly params?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiOptions {
  method?: string;
  /** Plain values are sent as JSON; FormData, Blob and strings as they are. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the access token (default). Login and refresh set this to false. */
  auth?: boolean;
}

/**
 * Calls the API and returns the parsed body (undefined for 204). On 401 it spends the refresh
 * token once and retries; if that fails the member is logged out and sent to #/login.
 */
export async function apiFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const response = await fetchWithSession(path, options);
  if (!response.ok) throw await toApiError(response);
  return (await readBody(response)) as T;
}

/** Downloads a file the API serves behind the Bearer token (a plain link could not send it). */
/**
 * Downloads a file (a ledger) and saves it under the server's name; `onProgress` hears the bytes
 * received so far, for ledgers long enough that a person would otherwise wonder.
 */
export async function apiDownload(
  path: string,
  fallbackName: string,
  onProgress?: (bytes: number) => void,
): Promise<void> {
  const response = await fetchWithSession(path, { headers: { accept: '*/*' } });
  if (!response.ok) throw await toApiError(response);
  const blob = await readWithProgress(response, onProgress);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name ? safeDecode(name) : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function readWithProgress(
  response: Response,
  onProgress?: (bytes: number) => void,
): Promise<Blob> {
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  if (!onProgress || !response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received);
  }
  return new Blob(chunks, { type });
}

async function fetchWithSession(path: string, options: ApiOptions): Promise<Response> {
  const useAuth = options.auth ?? true;
  const token = useAuth ? getSession()?.accessToken : undefined;
  const response = await send(path, options, token);
  if (response.status !== 401 || !useAuth || !token) return response;

  const fresh = await refreshOnce(token);
  if (!fresh) return expire();
  const retried = await send(path, options, fresh);
  return retried.status === 401 ? expire() : retried;
}

async function send(
  path: string,
  options: ApiOptions,
  token: string | undefined,
): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    // Refusals come back in the language the person chose.
    'accept-language': requestLang(),
    ...options.headers,
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (
      options.body instanceof FormData ||
      options.body instanceof Blob ||
      typeof options.body === 'string'
    ) {
      body = options.body;
    } else {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
  }
  try {
    return await fetch(path, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', t('error.network'));
  }
}

// Refresh tokens are single-use: requests that fail together must share one refresh, or the
// second would present a spent token and log the member out.
let refreshing: Promise<string | null> | null = null;

function refreshOnce(rejectedToken: string): Promise<string | null> {
  refreshing ??= refresh(rejectedToken).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refresh(rejectedToken: string): Promise<string | null> {
  // Another tab may already have refreshed; its newer pair is in storage.
  const stored = readStored();
  if (stored && stored.accessToken !== rejectedToken) return syncFromStorage()?.accessToken ?? null;
  const refreshToken = stored?.refreshToken ?? getSession()?.refreshToken;
  if (!refreshToken) return null;
  try {
    const response = await send(
      '/api/auth/refresh',
      { method: 'POST', body: { refreshToken } },
      undefined,
    );
    if (!response.ok) return null;
    return startSession((await response.json()) as SessionResponse).accessToken;
  } catch {
    return null;
  }
}

function expire(): never {
  clearSession();
  navigate('/login', { replace: true });
  throw new ApiError(401, 'unauthenticated', t('error.sessionExpired'));
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? JSON.parse(text) : text;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: {
    error?: unknown;
    reason?: unknown;
    params?: unknown;
    message?: unknown;
    details?: unknown;
  } = {};
  try {
    const parsed = await readBody(response);
    if (parsed && typeof parsed === 'object') body = parsed;
  } catch {
    // Not JSON (a proxy's error page): fall back to the status below.
  }
  const message =
    typeof body.message === 'string' && body.message
      ? body.message
      : t('error.status', { status: response.status });
  const code = typeof body.error === 'string' ? body.error : `http_${response.status}`;
  const reason = typeof body.reason === 'string' ? body.reason : undefined;
  const params =
    body.params && typeof body.params === 'object'
      ? (body.params as Record<string, unknown>)
      : undefined;
  return new ApiError(
    response.status,
    code,
    message,
    body.details,
    response.headers,
    reason,
    params,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
