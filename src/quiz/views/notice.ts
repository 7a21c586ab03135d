import { el } from '../../browser/dom';

export interface Notice {
  message: string;
  /** Old data the student can download before it is gone for good. */
  backup?: string;
  error?: boolean;
}

/** A short message above the quiz (recovered store, import result); closable. */
export class NoticeView {
  readonly element = el('div', { class: 'quiz-notice-area' });
  /** Live regions must exist before their text changes to be announced. */
  private readonly status = el('div', { role: 'status' });
  private readonly alert = el('div', { role: 'alert' });
  private backupUrl: string | null = null;

  constructor(private readonly deckId: string) {
    this.element.append(this.status, this.alert);
  }

  show(notice: Notice): void {
    this.clear();
    const body = el('div', { class: `quiz-notice${notice.error ? ' is-error' : ''}` }, el('p', {}, notice.message));
    if (notice.backup !== undefined) {
      this.backupUrl = URL.createObjectURL(new Blob([notice.backup], { type: 'application/json' }));
      body.append(
        el('a', { href: this.backupUrl, download: `quiz-${this.deckId}-sicherung.json` }, 'Sicherung herunterladen'),
      );
    }
    const close = el('button', { type: 'button', class: 'quiz-notice-close' }, 'Hinweis schließen');
    close.addEventListener('click', () => this.clear());
    body.append(close);
    (notice.error ? this.alert : this.status).append(body);
  }

  clear(): void {
    if (this.backupUrl) URL.revokeObjectURL(this.backupUrl);
    this.backupUrl = null;
    this.status.replaceChildren();
    this.alert.replaceChildren();
  }
}
