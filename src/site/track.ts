/**
 * Page-view beacon: every page of the site records one visit per view with the tracking
 * service. It must never throw and never hold up the page, so all failures are swallowed.
 */
import { MAX_FIELD_LENGTH, VISITS_PATH, type VisitInput } from '../shared/tracking';

function sendVisit(): void {
  try {
    const visit: VisitInput = {
      path: location.pathname.slice(0, MAX_FIELD_LENGTH),
      referrer: document.referrer.slice(0, MAX_FIELD_LENGTH),
    };
    const body = JSON.stringify(visit);
    // A string body goes out as text/plain, which the API accepts like JSON.
    if (navigator.sendBeacon?.(VISITS_PATH, body)) return;
    fetch(VISITS_PATH, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'text/plain' } }).catch(
      () => {},
    );
  } catch {
    // No tracking is better than a broken page.
  }
}

/** Sent when the page has a quiet moment: the visit must not hold up what the page shows first. */
function sendSoon(): void {
  if ('requestIdleCallback' in window) requestIdleCallback(sendVisit, { timeout: 1000 });
  else setTimeout(sendVisit, 100);
}

/** A page the browser prerenders is not viewed until it is shown. */
if ((document as Document & { prerendering?: boolean }).prerendering) {
  document.addEventListener('prerenderingchange', sendSoon, { once: true });
} else {
  sendSoon();
}
