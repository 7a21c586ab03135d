import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureFreshSite, staleReason } from '../../../src/cli/fresh-site';

let root: string;
let site: string;

/** Writes a file with a modification time `secondsAgo` before now. */
function file(path: string, secondsAgo: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, path);
  const time = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, time, time);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vs-fresh-'));
  site = join(root, 'dist');
  file('slides/kapitel-2.md', 300);
  file('media/proxy.svg', 300);
  file('src/viewer/main.ts', 300);
  file('index.html', 300);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleReason', () => {
  it('asks for a build when the site is missing', () => {
    expect(staleReason(site, root)).toBe(`Die Website ist noch nicht gebaut (${join(site, 'index.html')} fehlt).`);
  });

  it('finds nothing to do when the site is newer than everything it is built from', () => {
    file('dist/index.html', 100);
    expect(staleReason(site, root)).toBeNull();
  });

  it.each([
    'slides/kapitel-2.md',
    'media/proxy.svg',
    'src/viewer/main.ts',
    'src/deck/plugins/neu.ts',
    'vite.config.ts',
  ])('names %s when it changed after the build', (changed) => {
    file('dist/index.html', 100);
    file(changed, 10);
    expect(staleReason(site, root)).toBe(`Die Website in ${site} ist älter als ${changed}.`);
  });

  it('ignores files nobody builds from: dot files, node_modules, tests, data', () => {
    file('dist/index.html', 100);
    for (const path of [
      'slides/.kapitel-2.md.swp',
      'src/node_modules/x/index.js',
      'tests/unit/a.test.ts',
      'data/visits.db',
    ])
      file(path, 10);
    expect(staleReason(site, root)).toBeNull();
  });
});

describe('ensureFreshSite', () => {
  it('builds a stale site once and says so; a fresh one is left alone', async () => {
    file('dist/index.html', 100);
    file('slides/kapitel-2.md', 10);
    const lines: string[] = [];
    const builds: string[] = [];
    const build = (outDir: string): Promise<void> => {
      builds.push(outDir);
      file('dist/index.html', 0);
      return Promise.resolve();
    };
    await ensureFreshSite(site, { root, log: (line) => lines.push(line), build });
    await ensureFreshSite(site, { root, log: (line) => lines.push(line), build });
    expect(builds).toEqual([site]);
    expect(lines[0]).toBe(`Die Website in ${site} ist älter als slides/kapitel-2.md. Baue sie neu (vite build) …`);
    expect(lines[1]).toMatch(/^Website gebaut in \d+,\d s\.$/);
    expect(lines[2]).toBe(`Website in ${site} ist aktuell.`);
  });
});
