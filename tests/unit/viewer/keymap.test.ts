import { describe, expect, it } from 'vitest';
import { KeyMap, type Command, type KeyPress } from '../../../src/viewer/model/keymap';

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...modifiers };
}

function kind(keys: KeyMap, key: string, modifiers: Partial<KeyPress> = {}): Command['kind'] | undefined {
  return keys.command(press(key, modifiers))?.kind;
}

describe('KeyMap (R62, R63)', () => {
  it('maps the navigation keys, clicker keys included', () => {
    const keys = new KeyMap();
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'j']) expect(kind(keys, key), key).toBe('next');
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'k'])
      expect(kind(keys, key), key).toBe('previous');
    expect(kind(keys, ' ', { shiftKey: true })).toBe('previous');
    expect(kind(keys, 'Home')).toBe('first');
    expect(kind(keys, 'End')).toBe('last');
  });

  it('maps the letter keys case-insensitively', () => {
    const keys = new KeyMap();
    const expected: Record<string, Command['kind']> = {
      p: 'presenter',
      c: 'clone',
      f: 'fullscreen',
      b: 'blackout',
      '.': 'blackout',
      m: 'mirrored',
      h: 'help',
      '?': 'help',
      o: 'overview',
      s: 'timer-toggle',
      t: 'timer-reset',
      r: 'demo-run',
      q: 'demo-queue',
      w: 'demo-batch',
      z: 'demo-reset',
      a: 'poll',
      Escape: 'escape',
    };
    for (const [key, action] of Object.entries(expected)) {
      expect(kind(keys, key), key).toBe(action);
      if (key.length === 1) expect(kind(keys, key.toUpperCase(), { shiftKey: true }), key.toUpperCase()).toBe(action);
    }
  });

  it('leaves Alt, Ctrl and Meta combinations to the browser, except Ctrl/Cmd+P', () => {
    const keys = new KeyMap();
    expect(kind(keys, 'ArrowLeft', { altKey: true })).toBeUndefined();
    expect(kind(keys, 'ArrowRight', { altKey: true })).toBeUndefined();
    expect(kind(keys, 'c', { ctrlKey: true })).toBeUndefined();
    expect(kind(keys, 'f', { metaKey: true })).toBeUndefined();
    expect(kind(keys, 'p', { ctrlKey: true })).toBe('print');
    expect(kind(keys, 'p', { metaKey: true })).toBe('print');
    expect(kind(keys, 'p', { ctrlKey: true, altKey: true })).toBeUndefined();
  });

  it('collects digits and jumps on Enter (R64)', () => {
    const keys = new KeyMap();
    expect(keys.command(press('1'))).toBeNull();
    expect(keys.command(press('2'))).toBeNull();
    expect(keys.command(press('Enter'))).toEqual({ kind: 'jump', number: 12 });
    expect(keys.command(press('Enter'))).toBeNull();
    keys.command(press('7'));
    expect(keys.command(press('Enter'))).toEqual({ kind: 'jump', number: 7 });
  });

  it('forgets typed digits when another command comes in between', () => {
    const keys = new KeyMap();
    keys.command(press('4'));
    expect(kind(keys, 'ArrowRight')).toBe('next');
    expect(keys.command(press('Enter'))).toBeNull();
  });

  it('ignores keys it does not know', () => {
    const keys = new KeyMap();
    for (const key of ['v', 'Tab', 'Shift', 'F5', 'ä']) expect(keys.command(press(key)), key).toBeNull();
  });
});
