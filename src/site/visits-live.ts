/*
 * Live mode of the tracking server's /visits page, built by Vite to `visits/live.js` (no imports:
 * the tracking server alone serves this one file). New rows come from /visits/rows, rendered and
 * escaped by the server exactly like the rest of the table.
 */
// The design picked on the course pages (THEME_STORAGE_KEY in src/shared/theme.ts, written out
// here: this file has no imports); the page has no switch of its own.
try {
  const theme = localStorage.getItem('vs-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // No storage: the system's design.
}

const table = document.getElementById('visits');
const toggle = document.getElementById('live');
const status = document.getElementById('live-status');
const MAX_ROWS = 500;
const ROWS_PER_UPDATE = 100;

if (table instanceof HTMLTableSectionElement && toggle && status) {
  let newest = Number(table.dataset.newest ?? 0);
  let live = true;
  let pulling = false;
  let pullAgain = false;

  const pull = async (): Promise<void> => {
    if (pulling) {
      pullAgain = true;
      return;
    }
    pulling = true;
    try {
      let added = 0;
      let batch = 0;
      do {
        pullAgain = false;
        const response = await fetch(`/visits/rows?after=${newest}`);
        if (!response.ok) break;
        const html = await response.text();
        // Paused meanwhile: these rows come again with the first pull after resuming.
        if (!live) break;
        const template = document.createElement('template');
        template.innerHTML = html;
        const rows = template.content.querySelectorAll('tr[data-id]');
        batch = rows.length;
        const first = rows[0];
        if (!(first instanceof HTMLElement)) continue;
        table.querySelector('tr[data-empty]')?.remove();
        for (const row of rows) row.classList.add('fresh');
        table.prepend(template.content);
        newest = Number(first.dataset.id);
        added += batch;
      } while (pullAgain || batch === ROWS_PER_UPDATE);
      while (table.rows.length > MAX_ROWS) table.rows[table.rows.length - 1]?.remove();
      if (added > 0 && live) status.textContent = added === 1 ? 'Ein neuer Besuch' : `${added} neue Besuche`;
    } catch {
      status.textContent = 'Neue Besuche konnten nicht geladen werden.';
    } finally {
      pulling = false;
    }
  };

  const connect = (): EventSource => {
    const events = new EventSource('/api/visits/stream');
    events.addEventListener('open', () => {
      status.textContent = 'Live: neue Besuche erscheinen automatisch.';
      void pull();
    });
    events.addEventListener('visit', () => void pull());
    events.addEventListener('cleared', () => table.replaceChildren());
    events.addEventListener('error', () => {
      status.textContent = 'Verbindung unterbrochen – neuer Versuch …';
    });
    return events;
  };

  let source = connect();
  toggle.addEventListener('click', () => {
    live = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(live));
    if (live) {
      source = connect();
    } else {
      source.close();
      status.textContent = 'Live-Modus pausiert.';
    }
  });
}

export {};
