import { describe, expect, it } from 'vitest';
import { MAX_POINTS, MAX_STROKES, readInk, readLaser } from '../../../src/shared/ink';
import { Ink } from '../../../src/viewer/model/ink';
import { KeyMap } from '../../../src/viewer/model/keymap';

function changes(ink: Ink): string[] {
  const seen: string[] = [];
  ink.on('change', ({ index, origin, drawing }) => seen.push(`${index} ${origin}${drawing ? ' drawing' : ''}`));
  return seen;
}

describe('Ink', () => {
  it('keeps strokes per slide, in the chosen colour and width, in whole slide pixels', () => {
    const ink = new Ink();
    const seen = changes(ink);
    ink.choose({ color: '#1a5fb4', width: 16 });
    expect(ink.begin(2, 10.4, 20.6)).toBe(true);
    ink.extend(2, [30, 40.2]);
    ink.extend(2, [50, 60], true);
    expect(ink.strokes(2)).toEqual([{ color: '#1a5fb4', width: 16, points: [10, 21, 30, 40, 50, 60] }]);
    expect(ink.strokes(3)).toEqual([]);
    expect(ink.indices()).toEqual([2]);
    expect(seen).toEqual(['2 user drawing', '2 user drawing', '2 user']);
  });

  it('undoes strokes, erasures and clearing on the slide, one step at a time', () => {
    const ink = new Ink();
    ink.begin(0, 1, 1);
    ink.begin(0, 5, 5);
    ink.erase(0, 0);
    expect(ink.strokes(0).map((stroke) => stroke.points[0])).toEqual([5]);
    ink.clear(0);
    expect(ink.strokes(0)).toEqual([]);
    ink.undo(0);
    expect(ink.strokes(0).map((stroke) => stroke.points[0])).toEqual([5]);
    ink.undo(0);
    expect(ink.strokes(0).map((stroke) => stroke.points[0])).toEqual([1, 5]);
    ink.undo(0);
    ink.undo(0);
    ink.undo(0);
    expect(ink.strokes(0)).toEqual([]);
  });

  it('bounds a slide: strokes and points beyond the limits are not taken', () => {
    const ink = new Ink();
    for (let i = 0; i < MAX_STROKES; i++) expect(ink.begin(0, i, i)).toBe(true);
    expect(ink.begin(0, 0, 0)).toBe(false);
    ink.extend(
      0,
      Array.from({ length: 4 * MAX_POINTS }, () => 7),
      true,
    );
    expect(ink.strokes(0).at(-1)!.points).toHaveLength(2 * MAX_POINTS);
  });

  it('takes another window’s strokes as they are, and the laser, with their origin', () => {
    const ink = new Ink();
    const seen = changes(ink);
    const lasers: unknown[] = [];
    ink.on('laser', ({ laser, origin }) => lasers.push([laser?.point, origin]));
    ink.replace(4, [{ color: '#1c1c1c', width: 4, points: [1, 2] }], 'sync');
    ink.undo(4);
    expect(ink.strokes(4)).toHaveLength(1);
    ink.pointLaser({ index: 4, point: { x: 0.5, y: 0.5 } }, 'follow');
    ink.pointLaser(null);
    ink.pointLaser(null);
    expect(seen).toEqual(['4 sync']);
    expect(lasers).toEqual([
      [{ x: 0.5, y: 0.5 }, 'follow'],
      [undefined, 'user'],
    ]);
  });
});

describe('readInk and readLaser', () => {
  it('accept what the viewer sends and nothing else', () => {
    const stroke = { color: '#d62828', width: 8, points: [1, 2, 3, 4] };
    expect(readInk({ index: 1, strokes: [stroke] })).toEqual({ index: 1, strokes: [stroke] });
    for (const bad of [
      null,
      { index: -1, strokes: [] },
      { index: 1, strokes: [{ ...stroke, color: 'red' }] },
      { index: 1, strokes: [{ ...stroke, width: 7 }] },
      { index: 1, strokes: [{ ...stroke, points: [1, Number.NaN] }] },
      { index: 1, strokes: 'viele' },
    ]) {
      expect(readInk(bad)).toBeNull();
    }
    expect(readLaser({ index: 0, point: { x: 0.1, y: 1 } })).toEqual({ index: 0, point: { x: 0.1, y: 1 } });
    expect(readLaser({ index: 0, point: null })).toEqual({ index: 0, point: null });
    expect(readLaser({ index: 0, point: { x: 2, y: 0 } })).toBeNull();
    expect(readLaser(null)).toBeNull();
  });
});

describe('pen keys', () => {
  it('D, E, U, Entf, X and G; Ctrl+Z undoes, Ctrl+Shift+Z belongs to the browser', () => {
    const keys = new KeyMap();
    const press = (key: string, ctrlKey = false, shiftKey = false) =>
      keys.command({ key, ctrlKey, shiftKey, altKey: false, metaKey: false })?.kind;
    expect(['d', 'E', 'u', 'Delete', 'x', 'g'].map((key) => press(key))).toEqual([
      'pen',
      'eraser',
      'undo',
      'clear-ink',
      'laser',
      'remote',
    ]);
    expect(press('z', true)).toBe('undo');
    expect(press('Z', true, true)).toBeUndefined();
    expect(press('p', true)).toBe('print');
  });
});
