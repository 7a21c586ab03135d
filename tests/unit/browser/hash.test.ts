// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { onHashChange, readHash, writeHash } from '../../../src/browser/hash';

afterEach(() => history.replaceState(null, '', '/'));

describe('location hash', () => {
  it('reads the hash without # and decoded; one that does not decode stays as it is', () => {
    history.replaceState(null, '', '/seite?x=1#%C3%BCbung');
    expect(readHash()).toBe('übung');
    history.replaceState(null, '', '#%E0');
    expect(readHash()).toBe('%E0');
    history.replaceState(null, '', '/seite');
    expect(readHash()).toBe('');
  });

  it('writes the hash in place of the history entry, keeping path and query', () => {
    history.replaceState(null, '', '/quiz/kapitel-1/?modus=alle#frage-1');
    const entries = history.length;
    writeHash('frage-2');
    expect(location.pathname + location.search + location.hash).toBe('/quiz/kapitel-1/?modus=alle#frage-2');
    expect(history.length).toBe(entries);
  });

  it("writing '' removes the hash, # included", () => {
    history.replaceState(null, '', '/slides/a/#p1');
    writeHash('');
    expect(location.href.endsWith('/slides/a/')).toBe(true);
  });

  it('tells listeners the new hash, decoded, until they are removed', async () => {
    // The fake DOM announces the earlier tests' writes as `hashchange` too; let those pass first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const seen: string[] = [];
    const off = onHashChange((value) => seen.push(value));
    const changed = (): Promise<unknown> =>
      new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    let next = changed();
    location.hash = '#gr%C3%BC%C3%9Fe';
    await next;
    off();
    next = changed();
    location.hash = '#danach';
    await next;
    expect(seen).toEqual(['grüße']);
  });
});
