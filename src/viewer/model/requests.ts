import { Emitter } from '../../browser/emitter';

interface RequestEvents extends Record<string, unknown> {
  poll: undefined;
}

/** What a key asks of a part that is plugged in after the viewer starts (the poll console). */
export class Requests extends Emitter<RequestEvents> {
  request(name: keyof RequestEvents): void {
    this.emit(name, undefined);
  }
}
