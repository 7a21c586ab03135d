import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { search } from '../../../src/shared/search';

const entries = [
  { id: 1, title: 'Einleitung', text: 'Ein Service Mesh lagert Kommunikation aus.' },
  { id: 2, title: 'Service Mesh', text: 'Sidecar-Proxys neben jedem Service.' },
  { id: 3, title: 'Replikation', text: 'Leader und Follower; ein Quorum entscheidet.' },
  { id: 4, title: 'Mesh-Netze', text: 'Kein Service weit und breit.' },
];

describe('search', () => {
  it('needs every word, puts title hits first and keeps the order otherwise', () => {
    expect(search(entries, 'service mesh').map((hit) => hit.entry.id)).toEqual([2, 1, 4]);
    expect(search(entries, 'SERVICE   mesh')[0]!.inTitle).toBe(true);
    expect(search(entries, 'quorum leader').map((hit) => hit.entry.id)).toEqual([3]);
    expect(search(entries, 'quorum zebra')).toEqual([]);
    expect(search(entries, '   ')).toEqual([]);
  });

  it('marks the first match in the text, as written, with context', () => {
    const [hit] = search(entries, 'quorum');
    expect(hit!.snippet).toEqual({ before: 'Leader und Follower; ein ', match: 'Quorum', after: ' entscheidet.' });
    const long = { title: 'x', text: `${'a'.repeat(200)} Ziel ${'b'.repeat(200)}` };
    const { before, after } = search([long], 'ziel')[0]!.snippet;
    expect(before.startsWith('…')).toBe(true);
    expect(after.endsWith('…')).toBe(true);
  });

  it('stops at the limit', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ title: `Folie ${i}`, text: 'gleich' }));
    expect(search(many, 'gleich', 10)).toHaveLength(10);
  });

  it('never throws and only returns entries that contain every word, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        for (const hit of search(entries, query)) {
          const haystack = `${hit.entry.title} ${hit.entry.text}`.toLocaleLowerCase('de');
          for (const word of query.toLocaleLowerCase('de').split(/\s+/).filter(Boolean)) {
            expect(haystack).toContain(word);
          }
        }
      }),
    );
  });
});
