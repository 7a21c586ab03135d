import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import type { Visit, VisitPage } from '../../../src/shared/tracking';

export const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** A marker no other test (they run in parallel on one server) puts into a visit. */
export function marker(): string {
  return randomUUID().slice(0, 8);
}

export async function postVisit(
  request: APIRequestContext,
  body: { path: string; referrer?: string },
  userAgent = BROWSER,
): Promise<Visit> {
  const response = await request.post('/api/visits', { data: body, headers: { 'user-agent': userAgent } });
  if (response.status() !== 201) throw new Error(`POST /api/visits: ${response.status()} ${await response.text()}`);
  return (await response.json()) as Visit;
}

export async function latestVisits(request: APIRequestContext): Promise<Visit[]> {
  return ((await (await request.get('/api/visits?limit=500')).json()) as VisitPage).visits;
}

/** Script payloads that set window.__xss if they ever run. */
export const HOSTILE = {
  path: '/<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>\u0007',
  referrer: 'javascript:window.__xss=3//"><svg onload="window.__xss=4">\u001b[31m',
  userAgent: `${BROWSER} <script>window.__xss=5</script>`,
};
