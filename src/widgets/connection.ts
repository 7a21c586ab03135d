/** How a demo widget reaches its server: base URL from the `server` attribute, 2 s until "offline". */
import type { ApiError } from '../shared/tasks';

export const OFFLINE_AFTER_MS = 2000;

export class ServerUnreachableError extends Error {
  constructor(
    readonly server: string,
    cause?: unknown,
  ) {
    super(`Server ${server} nicht erreichbar`, { cause });
  }
}

/** The widget's server: its `server` attribute, else the page's own origin. */
export function serverBase(element: Element): string {
  const attribute = element.getAttribute('server')?.trim();
  return (attribute ? attribute : location.origin).replace(/\/+$/, '');
}

/**
 * fetch with a deadline. A network failure or no answer within `timeoutMs` becomes
 * ServerUnreachableError; an HTTP error answer is returned as is, for the caller to show.
 */
export async function request(
  server: string,
  path: string,
  init: RequestInit = {},
  timeoutMs = OFFLINE_AFTER_MS,
): Promise<Response> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
  try {
    return await fetch(server + path, { ...init, signal });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ServerUnreachableError(server, error);
  }
}

/** Random hex digits; crypto.randomUUID would need a secure context, the lecture-hall network is plain HTTP. */
export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );
}

/** An error answer's German reason, or the status when the body has none. */
export async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as Partial<ApiError>;
  return body.message ?? `HTTP ${response.status}`;
}

/** GET of a JSON answer; an error answer throws its reason. */
export async function getJson<T>(server: string, path: string): Promise<T> {
  const response = await request(server, path);
  if (!response.ok) throw new Error(await refusal(response));
  return (await response.json()) as T;
}

/** POST of a JSON body, with the presenter token when given. */
export function postJson(server: string, path: string, body: unknown, token?: string | null): Promise<Response> {
  return request(server, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}
