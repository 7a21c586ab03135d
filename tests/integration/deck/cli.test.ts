import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../src/shared/deck';

const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

async function deckCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(resolve(root, 'node_modules/.bin/tsx'), ['src/cli/deck.ts', ...args], {
      cwd: root,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run deck', () => {
  it('check prints one line per deck: slides, notes, figures, diagrams, demos', async () => {
    const result = await deckCli('check', 'tests/fixtures/decks/valid/beispiel.md');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'tests/fixtures/decks/valid/beispiel.md: 3 Folien (4 mit Schritten), 1 mit Notizen, 1 Abbildungen, 1 Diagramme, 1 Demos',
    );
  });

  it('check prints the errors and exits non-zero for a broken deck, a quiz bank or a missing file', async () => {
    const broken = await deckCli('check', 'tests/fixtures/decks/broken/fehlendes-bild.md');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(
      'tests/fixtures/decks/broken/fehlendes-bild.md:7: Folie 2: Bild „media/gibt-es-nicht.svg“ nicht gefunden',
    );
    const quiz = await deckCli('check', 'tests/fixtures/decks/valid/zweiter.quiz.md');
    expect(quiz.code).toBe(1);
    expect(quiz.stderr).toContain('ist eine Quizdatei');
    const missing = await deckCli('check', 'tests/fixtures/decks/gibt-es-nicht.md');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Datei nicht gefunden');
  });

  it('json prints the compiled deck model', async () => {
    const result = await deckCli('json', 'tests/fixtures/decks/valid/beispiel.md');
    expect(result.code).toBe(0);
    const deck = JSON.parse(result.stdout) as Deck;
    expect(deck).toMatchObject({ id: 'beispiel', title: 'Ein Beispiel-Foliensatz', chapter: 'Übung 9', total: 4 });
    expect(deck.slides[2]).toMatchObject({ number: 3, diagrams: 1, demos: ['tracking'], line: 18 });
  });

  it('explains its usage when called wrongly', async () => {
    const result = await deckCli('zeigen');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Aufruf: npm run deck -- check DATEI.md');
  });
});
