import { describe, expect, it } from 'vitest';
import { Modes, type ModeChange } from '../../../src/viewer/model/modes';

describe('Modes', () => {
  it('toggles a mode and reports each change once', () => {
    const modes = new Modes();
    const changes: ModeChange[] = [];
    modes.on('change', (change) => changes.push(change));
    modes.toggle('presenter');
    modes.set('presenter', true);
    modes.toggle('presenter');
    expect(changes).toEqual([
      { mode: 'presenter', on: true, origin: 'user' },
      { mode: 'presenter', on: false, origin: 'user' },
    ]);
  });

  it('keeps at most one dialog open: opening help closes the overview', () => {
    const modes = new Modes();
    modes.set('overview', true);
    modes.set('blackout', true);
    modes.set('help', true);
    expect(modes.has('overview')).toBe(false);
    expect(modes.dialog).toBe('help');
    expect(modes.has('blackout')).toBe(true);
  });
});
