import { Emitter } from '../../browser/emitter';

interface RequestEvents extends Record<string, unknown> {
  poll: undefined;
  remote: undefined;
}

type Name = keyof RequestEvents;

/**
 * What a key asks of a part that is plugged in after the viewer starts (the poll console). A
 * request made while that part is still loading waits for it, so the key is not lost.
 */
export class Requests extends Emitter<RequestEvents> {
  readonly #heard = new Set<Name>();
  readonly #waiting = new Set<Name>();

  request(name: Name): void {
    if (this.#heard.has(name)) this.emit(name, undefined);
    else this.#waiting.add(name);
  }

  override on<K extends Name>(name: K, listener: (event: RequestEvents[K]) => void): () => void {
    const off = super.on(name, listener);
    this.#heard.add(name);
    if (this.#waiting.delete(name)) listener(undefined as RequestEvents[K]);
    return off;
  }
}
