import { createHash } from 'node:crypto';
import type { IpMode } from '../config';
import { visibleText, VISITS_LIVE_FILE, type Visit } from '../../shared/tracking';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML content or a quoted attribute: markup escaped, invisible characters shown. */
export function escapeHtml(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const time = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  dateStyle: 'medium',
  timeStyle: 'medium',
});

const IP_MODE_TEXT: Record<IpMode, string> = {
  masked: 'IP-Adressen sind gekürzt gespeichert (IPv4 ohne das letzte Byte, IPv6 auf das /48-Netz).',
  hashed: 'IP-Adressen sind pseudonymisiert gespeichert (HMAC mit täglich wechselndem geheimem Schlüssel).',
  full: 'IP-Adressen sind vollständig gespeichert.',
};

const STYLE = `
:root { color-scheme: light dark; }
:root[data-theme="light"] { color-scheme: light; }
:root[data-theme="dark"] { color-scheme: dark; }
body { font-family: system-ui, sans-serif; margin: 0; color: light-dark(#1a1a1a, #d3d3d3); background: light-dark(#fff, #1c1c1c); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.5rem 0; }
th, td { border-bottom: 1px solid light-dark(#ccc, #454545); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
td:first-child { white-space: nowrap; }
tbody tr.fresh { background: light-dark(#fff6d6, #524207); }
nav { margin: 1rem 0; display: flex; gap: 1.5rem; }
a { color: light-dark(#0645ad, #558eeb); }
button { font: inherit; padding: 0.3rem 0.8rem; }
button[aria-pressed="true"] { background: light-dark(#0b6e3d, #86e9b8); color: light-dark(#fff, #1c1c1c); border: 1px solid light-dark(#0b6e3d, #86e9b8); }
:focus-visible { outline: 3px solid light-dark(#1a56db, #3567d7); outline-offset: 2px; }
`;

/** Content-Security-Policy of the page: its own script and exactly this stylesheet. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function cell(text: string): string {
  return `<td>${text === '' ? '–' : escapeHtml(text)}</td>`;
}

/** Table rows, in the order given. */
export function renderRows(visits: readonly Visit[]): string {
  return visits
    .map(
      (visit) =>
        `<tr data-id="${visit.id}"><td><time datetime="${visit.at}">${time.format(new Date(visit.at))}</time></td>` +
        `${cell(visit.ip)}${cell(visit.path)}${cell(visit.referrer)}${cell(visit.userAgent)}</tr>`,
    )
    .join('\n');
}

export interface PageView {
  visits: readonly Visit[];
  next: number | null;
  limit: number;
  /**
   * The first page follows new visits (`on`) when the site's build holds the live script, else
   * says how to get it (`unbuilt`); older pages stay still (`off`).
   */
  live: 'on' | 'unbuilt' | 'off';
  ipMode: IpMode;
}

export function renderPage({ visits, next, limit, live, ipMode }: PageView): string {
  const rows = visits.length > 0 ? renderRows(visits) : '<tr data-empty><td colspan="5">Noch keine Besuche.</td></tr>';
  const older =
    next === null ? '' : `<a href="/visits?before=${next}&amp;limit=${limit}" rel="next">Ältere Besuche</a>`;
  const liveControls = {
    on:
      '<p><button type="button" id="live" aria-pressed="true">Live-Modus</button> ' +
      '<span id="live-status" role="status"></span></p>',
    unbuilt: '<p>Den Live-Modus gibt es, sobald die Website gebaut ist (<code>npm run build</code>).</p>',
    off: '',
  }[live];
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Besuche – Tracking-Server</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Besuche</h1>
<p>Jeder Seitenaufruf der Kurs-Website wird hier festgehalten. ${IP_MODE_TEXT[ipMode]}</p>
${liveControls}
<table>
<caption>Besuche, die neuesten zuerst</caption>
<thead><tr><th scope="col">Zeit</th><th scope="col">IP-Adresse</th><th scope="col">Seite</th><th scope="col">Referrer</th><th scope="col">User-Agent</th></tr></thead>
<tbody id="visits" data-newest="${visits[0]?.id ?? 0}">
${rows}
</tbody>
</table>
<nav aria-label="Blättern"><a href="/visits">Neueste Besuche</a>${older}</nav>
</main>
${live === 'on' ? `<script type="module" src="/${VISITS_LIVE_FILE}"></script>` : ''}
</body>
</html>
`;
}
