// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Click } from '../../../src/viewer/inputs/click';
import { Keyboard } from '../../../src/viewer/inputs/keyboard';
import { Touch as TouchInput } from '../../../src/viewer/inputs/touch';
import { Wheel } from '../../../src/viewer/inputs/wheel';
import type { Command } from '../../../src/viewer/model/keymap';
import { Modes } from '../../../src/viewer/model/modes';
import { Navigation } from '../../../src/viewer/model/navigation';
import type { Part } from '../../../src/viewer/part';
import { deckOf } from './fixture';

const deck = deckOf(Array.from({ length: 6 }, (_, i) => ({ number: i + 1 })));
let bound: Part[] = [];

function bind<P extends Part>(part: P): P {
  part.bind();
  bound.push(part);
  return part;
}

afterEach(() => {
  for (const part of bound) part.unbind();
  bound = [];
  document.body.replaceChildren();
});

describe('Keyboard', () => {
  let modes: Modes;
  let commands: Command[];

  beforeEach(() => {
    modes = new Modes();
    commands = [];
    bind(new Keyboard(modes, (command) => commands.push(command)));
  });

  function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init });
    target.dispatchEvent(event);
    return event;
  }

  it('turns keys into commands and keeps the browser from acting on them', () => {
    const right = press('ArrowRight');
    press('O');
    press('1');
    press('2');
    press('Enter');
    expect(commands).toEqual([{ kind: 'next' }, { kind: 'overview' }, { kind: 'jump', number: 12 }]);
    expect(right.defaultPrevented).toBe(true);
  });

  it('leaves keys to text fields and selects, and Space and Enter to buttons and links', () => {
    const field = document.body.appendChild(document.createElement('input'));
    const button = document.body.appendChild(document.createElement('button'));
    expect(press('j', field).defaultPrevented).toBe(false);
    press(' ', button);
    press('Enter', button);
    expect(commands).toEqual([]);
    press('ArrowRight', button);
    expect(commands).toEqual([{ kind: 'next' }]);
  });

  it('ignores unknown keys, browser shortcuts and keys already handled by the page', () => {
    expect(press('v').defaultPrevented).toBe(false);
    press('ArrowRight', document.body, { altKey: true });
    const handled = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    expect(commands).toEqual([]);
  });

  it('while a dialog is open takes only Escape and the key that closes it', () => {
    modes.set('overview', true);
    press('ArrowRight');
    press('h');
    press('o');
    press('Escape');
    expect(commands).toEqual([{ kind: 'overview' }, { kind: 'escape' }]);
  });
});

describe('Touch', () => {
  let area: HTMLElement;
  let navigation: Navigation;

  beforeEach(() => {
    area = document.body.appendChild(document.createElement('div'));
    area.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 400, height: 300 });
    navigation = new Navigation(deck, 2);
    bind(new TouchInput(area, navigation));
  });

  function touch(x: number, y: number, target: EventTarget = area): Touch {
    return new window.Touch({ identifier: 1, target, clientX: x, clientY: y });
  }

  function gesture(from: [number, number], to: [number, number], target: Element = area): TouchEvent {
    const start = touch(...from, target);
    target.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, touches: [start], changedTouches: [start] }));
    const end = new TouchEvent('touchend', {
      bubbles: true,
      cancelable: true,
      composed: true,
      touches: [],
      changedTouches: [touch(...to, target)],
    });
    target.dispatchEvent(end);
    return end;
  }

  it('a swipe to the left shows the next slide, to the right the previous one', () => {
    expect(gesture([300, 100], [200, 110]).defaultPrevented).toBe(true);
    expect(navigation.index).toBe(3);
    gesture([100, 100], [250, 90]);
    gesture([100, 100], [250, 90]);
    expect(navigation.index).toBe(1);
  });

  it('a tap on the right half goes forward, on the left half back', () => {
    gesture([350, 150], [352, 151]);
    expect(navigation.index).toBe(3);
    gesture([50, 150], [48, 150]);
    expect(navigation.index).toBe(2);
  });

  it('leaves mostly vertical moves to the page and taps on links and buttons to them', () => {
    expect(gesture([200, 50], [230, 250]).defaultPrevented).toBe(false);
    const link = area.appendChild(document.createElement('a'));
    link.href = '#';
    gesture([350, 150], [350, 150], link);
    expect(navigation.index).toBe(2);
  });

  it('a second finger makes it a pinch, not a swipe', () => {
    const first = touch(300, 100);
    const second = touch(100, 100);
    area.dispatchEvent(new TouchEvent('touchstart', { touches: [first, second], changedTouches: [second] }));
    area.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [touch(150, 100)] }));
    expect(navigation.index).toBe(2);
  });
});

describe('Wheel', () => {
  let area: HTMLElement;
  let navigation: Navigation;
  let modes: Modes;

  beforeEach(() => {
    area = document.body.appendChild(document.createElement('div'));
    navigation = new Navigation(deck, 2);
    modes = new Modes();
    bind(new Wheel(area, navigation, modes));
  });

  /** A gesture's events in one burst, as a trackpad sends them with their inertia tail. */
  function scroll(deltas: number[], { ctrlKey = false } = {}): void {
    for (const deltaY of deltas) {
      const event = new WheelEvent('wheel', { deltaY, ctrlKey });
      // The fake DOM's WheelEvent lacks the modifier keys a browser's has.
      Object.defineProperty(event, 'ctrlKey', { value: ctrlKey });
      area.dispatchEvent(event);
    }
  }

  it('one gesture moves one slide, however many events it sends', () => {
    scroll([40, 80, 120, 60, 20, 5]);
    expect(navigation.index).toBe(3);
  });

  it('a reversal starts a new gesture in the other direction', () => {
    scroll([40, 80, -30, -60]);
    expect(navigation.index).toBe(2);
  });

  it('leaves Ctrl + wheel to the browser’s zoom and the reading view to scrolling', () => {
    scroll([50], { ctrlKey: true });
    modes.set('reading', true);
    scroll([-50]);
    expect(navigation.index).toBe(2);
  });
});

describe('Click (deck option click)', () => {
  it('left click forward, right click back; links keep their clicks, and the reading view is left alone', () => {
    const area = document.body.appendChild(document.createElement('div'));
    const navigation = new Navigation(deck, 2);
    const modes = new Modes();
    bind(new Click(area, navigation, modes));
    area.click();
    expect(navigation.index).toBe(3);
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 });
    area.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    expect(navigation.index).toBe(2);
    const link = area.appendChild(document.createElement('a'));
    link.href = '#';
    link.click();
    modes.set('reading', true);
    area.click();
    expect(navigation.index).toBe(2);
  });
});
