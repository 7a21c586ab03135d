import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const documents = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(root, 'docs')).map((name) => `docs/${name}`)];

/** Relative link targets of a Markdown file: `[text](target)`, without web links and pure anchors. */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return Array.from(withoutCode.matchAll(/\]\(([^)\s]+)\)/g), (match) => match[1]!).filter(
    (target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'),
  );
}

describe('documentation', () => {
  it('keeps the README short: at most 200 lines', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(200);
  });

  it.each(documents.filter((name) => name.endsWith('.md')))('%s links only to files that exist', (name) => {
    const file = join(root, name);
    const missing = relativeLinks(readFileSync(file, 'utf8')).filter(
      (target) => !existsSync(resolve(dirname(file), decodeURIComponent(target.split('#')[0]!))),
    );
    expect(missing).toEqual([]);
  });

  it('the README points into docs/', () => {
    expect(
      relativeLinks(readFileSync(join(root, 'README.md'), 'utf8')).filter((t) => t.startsWith('docs/')),
    ).not.toEqual([]);
  });
});
