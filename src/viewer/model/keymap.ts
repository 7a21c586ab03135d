import type { DemoCommand } from '../../shared/demos';

/** What a key asks for; inputs turn keys into commands, `commands.ts` carries them out. */
export type Action =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'presenter'
  | 'clone'
  | 'fullscreen'
  | 'blackout'
  | 'mirrored'
  | 'reading'
  | 'theme'
  | 'help'
  | 'overview'
  | 'search'
  | 'zoom-in'
  | 'zoom-out'
  | 'timer-toggle'
  | 'timer-reset'
  | 'print'
  | 'escape'
  | 'poll'
  | 'pen'
  | 'eraser'
  | 'undo'
  | 'clear-ink'
  | 'laser'
  | 'remote'
  | DemoAction;

/** The demo console: what the keys ask of the current slide's demo. */
export type DemoAction = `demo-${DemoCommand}`;

export type Command = { kind: Action } | { kind: 'jump'; number: number };

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const KEYS: Record<string, Action> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  j: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Backspace: 'previous',
  k: 'previous',
  Home: 'first',
  End: 'last',
  p: 'presenter',
  c: 'clone',
  f: 'fullscreen',
  b: 'blackout',
  // Presentation clickers send "." for their blank-screen button.
  '.': 'blackout',
  m: 'mirrored',
  l: 'reading',
  // Nacht: the dark design.
  n: 'theme',
  h: 'help',
  '?': 'help',
  o: 'overview',
  '/': 'search',
  '+': 'zoom-in',
  '=': 'zoom-in',
  '-': 'zoom-out',
  s: 'timer-toggle',
  t: 'timer-reset',
  // The demo console: run, queue, a batch of jobs ("Worker"), reset ("zurücksetzen").
  r: 'demo-run',
  q: 'demo-queue',
  w: 'demo-batch',
  z: 'demo-reset',
  // Abstimmung: the slide's poll, or the picker of the deck's questions.
  a: 'poll',
  // Stift (draw), eraser, undo, clear the slide's strokes; the laser pointer; the phone as remote (Gerät).
  d: 'pen',
  e: 'eraser',
  u: 'undo',
  Delete: 'clear-ink',
  x: 'laser',
  g: 'remote',
  Escape: 'escape',
};

/**
 * Maps key presses to commands. Digits collect into a slide number that Enter jumps to;
 * any other command clears it. Alt, Ctrl and Meta combinations belong to the browser,
 * except Ctrl/Cmd+P, which prints the deck with its diagrams drawn, and Ctrl/Cmd+Z, which takes
 * back the pen's last step.
 */
export class KeyMap {
  #digits = '';

  command(press: KeyPress): Command | null {
    if (press.ctrlKey || press.metaKey) {
      if (press.altKey) return null;
      const key = press.key.toLowerCase();
      return key === 'p' ? { kind: 'print' } : key === 'z' && !press.shiftKey ? { kind: 'undo' } : null;
    }
    if (press.altKey) return null;
    if (/^[0-9]$/.test(press.key)) {
      this.#digits += press.key;
      return null;
    }
    const digits = this.#digits;
    if (press.key === 'Enter') {
      this.#digits = '';
      return digits ? { kind: 'jump', number: Number(digits) } : null;
    }
    const action =
      press.key === ' ' ? (press.shiftKey ? 'previous' : 'next') : (KEYS[press.key] ?? KEYS[press.key.toLowerCase()]);
    if (!action) return null;
    this.#digits = '';
    return { kind: action };
  }
}
