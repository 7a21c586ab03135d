// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocationInput } from '../../../src/viewer/inputs/location';
import { Modes } from '../../../src/viewer/model/modes';
import { Navigation } from '../../../src/viewer/model/navigation';
import { deckOf } from './fixture';

const deck = deckOf(Array.from({ length: 12 }, (_, i) => ({ number: i + 1 })));
const WRITE_WAIT_MS = 400;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A hash typed into the address bar: the URL changes now, `hashchange` arrives a task later. */
async function typeHash(hash: string): Promise<void> {
  const arrived = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
  // happy-dom announces any change of the hash with `hashchange`, as a browser does for a typed one.
  history.replaceState(null, '', hash);
  await arrived;
}

describe('LocationInput: the address follows the slide', () => {
  let navigation: Navigation;
  let input: LocationInput;
  let unknown: string[];

  beforeEach(async () => {
    await typeHash('#1');
    navigation = new Navigation(deck, 0);
    unknown = [];
    input = new LocationInput(deck, navigation, new Modes(), (hash) => unknown.push(hash));
    input.bind();
  });

  afterEach(async () => {
    input.unbind();
    // Lets the fake DOM's announcement of the last write pass before the next test binds.
    await wait(0);
  });

  it('writes the slide a moment after a move', async () => {
    navigation.next();
    await wait(WRITE_WAIT_MS);
    expect(location.hash).toBe('#2');
  });

  it('while someone steps through the slides the address waits, then names the slide they rest on', async () => {
    for (let step = 0; step < 3; step++) {
      navigation.next();
      await wait(WRITE_WAIT_MS / 2);
    }
    expect(location.hash).toBe('#1');
    await wait(WRITE_WAIT_MS);
    expect(location.hash).toBe('#4');
  });

  it('a hash typed by hand moves the deck', async () => {
    await typeHash('#5');
    expect(navigation.index).toBe(4);
  });

  it('a move, a hash change to #7 and another move within the delay leave the address at the shown slide', async () => {
    navigation.goTo(5);
    await typeHash('#7');
    expect(navigation.index).toBe(6);
    navigation.next();
    await wait(WRITE_WAIT_MS);
    expect(navigation.index).toBe(7);
    expect(location.hash).toBe('#8');
  });

  it('an unknown hash is reported, keeps the slide and gets the address of the slide shown', async () => {
    navigation.goTo(3);
    await typeHash('#9999');
    expect(unknown).toEqual(['9999']);
    expect(navigation.index).toBe(3);
    expect(location.hash).toBe('#4');
  });
});
