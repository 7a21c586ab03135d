import { describe, expect, it } from 'vitest';
import { Navigation, type SlideChange } from '../../../src/viewer/model/navigation';
import { sample } from './fixture';

function recorded(navigation: Navigation): SlideChange[] {
  const changes: SlideChange[] = [];
  navigation.on('change', (change) => changes.push(change));
  return changes;
}

describe('Navigation', () => {
  it('moves forward and back one slide and reports who moved it', () => {
    const navigation = new Navigation(sample);
    const changes = recorded(navigation);
    expect(navigation.next()).toBe(true);
    expect(navigation.next('sync')).toBe(true);
    expect(navigation.previous('location')).toBe(true);
    expect(changes).toEqual([
      { index: 1, previous: 0, origin: 'user' },
      { index: 2, previous: 1, origin: 'sync' },
      { index: 1, previous: 2, origin: 'location' },
    ]);
  });

  it('does not wrap around at either end (R65)', () => {
    const navigation = new Navigation(sample);
    const changes = recorded(navigation);
    expect(navigation.previous()).toBe(false);
    navigation.last();
    expect(navigation.next()).toBe(false);
    expect(navigation.index).toBe(3);
    expect(changes).toHaveLength(1);
  });

  it('ignores jumps out of range and to the current slide', () => {
    const navigation = new Navigation(sample, 2);
    const changes = recorded(navigation);
    expect(navigation.goTo(4)).toBe(false);
    expect(navigation.goTo(-1)).toBe(false);
    expect(navigation.goTo(1.5)).toBe(false);
    expect(navigation.goTo(2)).toBe(false);
    expect(changes).toEqual([]);
  });

  it('starts on the given slide, or the first when that does not exist', () => {
    expect(new Navigation(sample, 3).slide.name).toBe('schluss');
    expect(new Navigation(sample, 9).index).toBe(0);
  });

  it('jumps to the first slide carrying a number, counting steps as remark.js does (R64)', () => {
    const navigation = new Navigation(sample);
    expect(navigation.goToNumber(2)).toBe(true);
    expect(navigation.index).toBe(1);
    expect(navigation.goToNumber(3)).toBe(true);
    expect(navigation.index).toBe(3);
    expect(navigation.goToNumber(7)).toBe(false);
    expect(navigation.index).toBe(3);
  });

  it('stops telling a listener once it has switched itself off', () => {
    const navigation = new Navigation(sample);
    const seen: number[] = [];
    const off = navigation.on('change', ({ index }) => seen.push(index));
    navigation.next();
    off();
    navigation.next();
    expect(seen).toEqual([1]);
  });
});
