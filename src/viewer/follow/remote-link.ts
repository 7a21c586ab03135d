import { create } from 'qrcode';
import { el, svg } from '../../browser/dom';
import { REMOTE_PARAM } from '../../shared/remote';

/** The phone page's address: this deck with `?fernbedienung`, the presenter token last in the fragment. */
export function remoteLink(token: string): string {
  const url = new URL(location.pathname, location.origin);
  url.search = `?${REMOTE_PARAM}`;
  url.hash = `token=${encodeURIComponent(token)}`;
  return url.href;
}

/**
 * Shows the phone remote's link as a QR code in a modal dialog (Esc or "Schließen" close it and
 * give the focus back). The link holds the presenter token: whoever scans it can steer the deck.
 */
export function showRemoteLink(root: HTMLElement, token: string, returnFocus: HTMLElement): void {
  const link = remoteLink(token);
  const close = el('button', { type: 'button' }, 'Schließen');
  const dialog = el(
    'dialog',
    { class: 'vs-remote-link', 'aria-labelledby': 'vs-remote-link-title' },
    el('h2', { id: 'vs-remote-link-title' }, 'Telefon als Fernbedienung'),
    el('div', { class: 'vs-remote-qr', role: 'img', 'aria-label': 'QR-Code des Links' }, qrCode(link)),
    el(
      'p',
      {},
      'Scannen Sie den Code mit dem Telefon: Es blättert dann diese Folien, schaltet das Schwarzbild und zeigt Notizen und Timer. ',
      'Der Link enthält das Referenten-Token; zeigen Sie ihn nicht dem Saal.',
    ),
    el('p', { class: 'vs-remote-url' }, link),
    close,
  );
  close.addEventListener('click', () => dialog.close());
  // The deck's keys wait while the dialog is open; Esc closes it.
  dialog.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dialog.close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    returnFocus.focus();
  });
  root.append(dialog);
  dialog.showModal();
  close.focus();
}

/** The QR code as SVG, one unit per module, with the quiet zone the standard asks for. */
function qrCode(text: string): SVGSVGElement {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (data[y * size + x]) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  }
  const side = size + 2 * quiet;
  return svg(
    'svg',
    { viewBox: `0 0 ${side} ${side}`, 'shape-rendering': 'crispEdges' },
    svg('rect', { width: side, height: side, fill: '#fff' }),
    svg('path', { d: path, fill: '#000' }),
  );
}
