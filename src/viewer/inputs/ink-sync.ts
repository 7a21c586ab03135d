import { readInk, readLaser, type Stroke } from '../../shared/ink';
import type { Ink } from '../model/ink';
import { load, save } from '../storage';
import type { CloneSync } from './sync';

/**
 * Presenter and cloned window show each other's strokes and laser dot; a window that joins
 * (or reloads) gets the strokes of every slide. A stroke travels once per animation frame
 * while it is drawn.
 */
export function mirrorInk(ink: Ink, sync: CloneSync): void {
  ink.on('change', ({ index, origin }) => {
    if (origin !== 'sync' && origin !== 'init') sync.postInk({ index, strokes: ink.strokes(index) });
  });
  ink.on('laser', ({ laser, origin }) => origin !== 'sync' && sync.postLaser(laser));
  sync.on('ink', (data) => {
    const state = readInk(data);
    if (state) ink.replace(state.index, state.strokes, 'sync');
  });
  sync.on('laser', (data) => ink.pointLaser(readLaser(data), 'sync'));
  sync.on('hello', () => {
    for (const index of ink.indices()) sync.postInk({ index, strokes: ink.strokes(index) });
  });
}

/** The strokes stay for the session of the tab (a reload keeps them), per deck. */
export function keepInk(ink: Ink, deckId: string): void {
  const key = `vs-ink:${deckId}`;
  try {
    const saved = JSON.parse(load('session', key) ?? '{}') as Record<string, unknown>;
    for (const [index, strokes] of Object.entries(saved)) {
      const state = readInk({ index: Number(index), strokes });
      if (state) ink.replace(state.index, state.strokes, 'init');
    }
  } catch {
    // Damaged strokes are not restored.
  }
  ink.on('change', ({ drawing }) => {
    if (drawing) return;
    const all: Record<number, readonly Stroke[]> = {};
    for (const index of ink.indices()) all[index] = ink.strokes(index);
    save('session', key, JSON.stringify(all));
  });
}
