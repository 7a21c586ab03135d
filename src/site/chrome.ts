/** The head and foot every course page shares; the site plugin puts them where a page says `<!-- vs-header -->` / `<!-- vs-footer -->`. */

const NAV = [
  { href: '', label: 'Start', page: '/index.html' },
  { href: 'praesentationen.html', label: 'Präsentationen', page: '/praesentationen.html' },
  { href: '#quiz', label: 'Quiz' },
  { href: '#server', label: 'Server starten' },
];

/** The site header; the link to the page at `path` (e.g. `/index.html`) is marked as the current one. */
export function siteHeader(path: string, base: string): string {
  const items = NAV.map(({ href, label, page }) => {
    const current = page === path ? ' aria-current="page"' : '';
    return `<li><a href="${base}${href}"${current}>${label}</a></li>`;
  });
  return `<a class="vs-skip" href="#inhalt">Zum Inhalt springen</a>
    <header class="vs-site-header">
      <div class="vs-wrap">
        <a class="vs-brand" href="${base}">Verteilte Systeme</a>
        <nav class="vs-site-nav" aria-label="Hauptnavigation">
          <ul>
            ${items.join('\n            ')}
          </ul>
        </nav>
      </div>
    </header>`;
}

export const SITE_FOOTER = `<footer class="vs-site-footer">
      <div class="vs-wrap">
        <p>Verteilte Systeme · Folien im Format von remark.js, Live-Demos mit eigenen Servern.</p>
      </div>
    </footer>`;
