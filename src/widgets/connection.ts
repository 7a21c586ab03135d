/** How a demo widget reaches its server: base URL from the `server` attribute, 2 s until "offline". */

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
