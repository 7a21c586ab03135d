import { toggleTheme } from '../browser/theme';
import type { DemoCommand } from '../shared/demos';
import type { Command } from './model/keymap';
import type { Modes } from './model/modes';
import type { Navigation } from './model/navigation';
import type { Timer } from './model/timer';
import type { Zoom } from './model/zoom';
import type { Ink } from './model/ink';

/** What commands act on: the models, plus the actions that reach outside the page or into a demo. */
export interface Controls {
  navigation: Navigation;
  modes: Modes;
  timer: Timer;
  zoom: Zoom;
  ink: Ink;
  openClone(): void;
  print(): void;
  /** Passes a command to the current slide's demo widgets. */
  demo(command: DemoCommand): void;
  /** Asks the presenter's poll console for the current slide's poll (A). */
  poll(): void;
  /** Asks the presenter view for the phone remote's link (G). */
  remote(): void;
}

/** Commands that change the slide: during a blackout they end it, and the room sees where it is before it moves. */
const MOVES = new Set<Command['kind']>(['next', 'previous', 'first', 'last', 'jump']);

/** Carries out a command by moving a model; views follow the model, never the key. */
export function runCommand(
  { navigation, modes, timer, zoom, ink, openClone, print, demo, poll, remote }: Controls,
  command: Command,
): void {
  if (MOVES.has(command.kind) && modes.has('blackout')) return modes.set('blackout', false);
  switch (command.kind) {
    case 'next':
      return void navigation.next();
    case 'previous':
      return void navigation.previous();
    case 'first':
      return void navigation.first();
    case 'last':
      return void navigation.last();
    case 'jump':
      return void navigation.goToNumber(command.number);
    case 'presenter':
    case 'overview':
    case 'help':
    case 'search':
    case 'blackout':
    case 'mirrored':
    case 'reading':
      return modes.toggle(command.kind);
    case 'escape':
      for (const mode of ['help', 'overview', 'search', 'blackout', 'pen', 'laser'] as const) modes.set(mode, false);
      return zoom.reset();
    case 'zoom-in':
      return zoom.in();
    case 'zoom-out':
      return zoom.out();
    case 'timer-toggle':
      return timer.toggle();
    case 'timer-reset':
      return timer.reset();
    case 'clone':
      return openClone();
    case 'print':
      return print();
    case 'poll':
      return poll();
    case 'remote':
      return remote();
    case 'pen':
    case 'laser':
      modes.set(command.kind === 'pen' ? 'laser' : 'pen', false);
      return modes.toggle(command.kind);
    case 'eraser':
      modes.set('laser', false);
      modes.set('pen', true);
      return ink.choose({ tool: ink.tool === 'eraser' ? 'pen' : 'eraser' });
    case 'undo':
      return ink.undo(navigation.index);
    case 'clear-ink':
      return ink.clear(navigation.index);
    case 'fullscreen':
      return toggleFullscreen();
    case 'theme':
      return void toggleTheme();
    case 'demo-run':
    case 'demo-queue':
    case 'demo-batch':
    case 'demo-reset':
      return demo(command.kind.slice('demo-'.length) as DemoCommand);
  }
}

function toggleFullscreen(): void {
  const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
  // Refused (no user gesture, iframe without permission): the deck simply stays as it is.
  request.catch(() => undefined);
}
