import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckError } from '../../../src/deck/diagnostics';
import { checkQuizOf } from '../../../src/quiz-bank/check';

const deck = 'class: center\nname: start\n\n# Testdeck\n\n---\nname: proxy\n\n## Proxy\n\nText\n';
const question = (slide: string) =>
  `id: proxy\ntopic: T\nkind: text\nslide: ${slide}\n\nWas ist ein Proxy?\n\n### Hinweis\nH\n\n### Musterantwort\nA\n\n### Erklärung\nE\n`;

function write(bank?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vs-quiz-check-'));
  writeFileSync(join(dir, 'test.md'), deck);
  if (bank !== undefined) writeFileSync(join(dir, 'test.quiz.md'), bank);
  return join(dir, 'test.md');
}

describe('npm run deck -- check: the quiz bank', () => {
  it('summarizes a valid bank', async () => {
    const path = write(question('proxy'));
    expect(await checkQuizOf(path)).toBe(
      `${relative(process.cwd(), path.replace('.md', '.quiz.md'))}: Quiz mit 1 Frage (1 Freitext)`,
    );
  });

  it('says when a deck has no bank', async () => {
    expect(await checkQuizOf(write())).toMatch(/test\.quiz\.md: kein Quiz zu diesem Foliensatz$/);
  });

  it('fails with file and line for a reference to a missing slide', async () => {
    const path = write(question('gibt-es-nicht'));
    const error = await checkQuizOf(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).message).toBe(
      `${relative(process.cwd(), path.replace('.md', '.quiz.md'))}:1: Frage proxy: „slide: gibt-es-nicht“ ist keine Folie von test (dort fehlt „name: gibt-es-nicht“).`,
    );
  });
});
