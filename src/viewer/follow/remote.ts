import { el } from '../../browser/dom';
import type { Deck } from '../../shared/deck';
import { followEventsPath } from '../../shared/follow';
import { isRemoteCommand, REMOTE_EVENT } from '../../shared/remote';
import type { Command } from '../model/keymap';
import type { Modes } from '../model/modes';
import type { Requests } from '../model/requests';
import type { Part } from '../part';

/**
 * The phone as remote, presenter side: while the presenter view is open, it listens on the
 * deck's follow channel for the phone's commands and carries them out like keys. The button
 * (or G) shows the phone's link as a QR code; that code loads on first use.
 */
export class RemoteReceiver implements Part {
  readonly #button = el('button', { type: 'button', class: 'vs-remote-open' }, 'Telefon als Fernbedienung (G)');
  readonly #offs: (() => void)[] = [];
  #source: EventSource | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly deck: Deck,
    private readonly modes: Modes,
    private readonly requests: Requests,
    private readonly run: (command: Command) => void,
    private readonly token: string,
  ) {}

  bind(): void {
    this.#button.addEventListener('click', this.#showLink);
    this.root.append(this.#button);
    this.#offs.push(
      this.modes.on('change', ({ mode }) => mode === 'presenter' && this.#listen()),
      this.requests.on('remote', () => this.modes.has('presenter') && this.#showLink()),
    );
    this.#listen();
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    this.#button.remove();
    this.#source?.close();
    this.#source = undefined;
  }

  #listen(): void {
    if (!this.modes.has('presenter')) {
      this.#source?.close();
      this.#source = undefined;
      return;
    }
    if (this.#source) return;
    this.#source = new EventSource(followEventsPath(this.deck.id));
    this.#source.addEventListener(REMOTE_EVENT, (event) => {
      try {
        const { command } = JSON.parse((event as MessageEvent<string>).data) as { command: unknown };
        if (isRemoteCommand(command)) this.run({ kind: command });
      } catch {
        // A damaged event changes nothing.
      }
    });
  }

  readonly #showLink = (): void => {
    void import('./remote-link').then(({ showRemoteLink }) => showRemoteLink(this.root, this.token, this.#button));
  };
}
