import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY } from '../../../src/shared/theme';

describe('the design key', () => {
  it('/visits reads the same storage key as the course pages, written out because its script has no imports', () => {
    const source = readFileSync('src/site/visits-live.ts', 'utf8');
    expect(source).not.toMatch(/^import /m);
    expect(source).toContain(`localStorage.getItem('${THEME_STORAGE_KEY}')`);
  });
});
