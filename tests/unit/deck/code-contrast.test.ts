import { describe, expect, it } from 'vitest';
import { htmls } from './helpers';

/** WCAG 2 relative luminance of `#rgb` / `#rrggbb`. */
function luminance(hex: string): number {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits.slice(0, 6);
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((at) => {
    const channel = parseInt(full.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A colour of a style, in the light (0) or the dark (1) design: `#hex` or `light-dark(#light, #dark)`. */
function styleValue(style: string, property: string, design: 0 | 1): string | undefined {
  const value = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i').exec(style)?.[1];
  const pair = /^light-dark\(\s*(#[0-9a-f]{3,8})\s*,\s*(#[0-9a-f]{3,8})\s*\)$/i.exec(value ?? '');
  return pair ? pair[design + 1] : /^#[0-9a-f]{3,8}$/i.exec(value ?? '')?.[0];
}

const TYPESCRIPT = [
  '```ts',
  "import { readFile } from 'node:fs/promises';",
  '',
  '/** A job a worker takes from the queue. */',
  'export interface Job<T = unknown> { id: string; payload: T; attempts?: number }',
  '',
  'enum State { Queued = 1, Running, Done }',
  '',
  '@sealed',
  'export class Worker extends EventTarget implements Disposable {',
  '  #busy = false;',
  '  static readonly MAX = 3;',
  '  constructor(private readonly queue: Map<string, Job[]>) { super(); }',
  '',
  '  async run(job: Job<{ url: string }>, retries = Worker.MAX): Promise<State> {',
  '    const pattern = /^https?:\\/\\/[a-z.]+$/i; // only absolute URLs',
  '    let text = `job ${job.id} (${retries}x)`;',
  '    for (const [key, jobs] of this.queue) if (jobs.length > 0 && key !== null) text += key;',
  '    if (!pattern.test(job.payload.url)) throw new TypeError(text);',
  '    this.#busy = typeof job.attempts === "number" ? job.attempts >= 0 : true;',
  '    await readFile(new URL(job.payload.url), { encoding: "utf8" });',
  '    return State.Done;',
  '  }',
  '  [Symbol.dispose](): void {}',
  '}',
  '```',
].join('\n');

describe('code highlighting contrast', () => {
  it.each([
    ['light', 0],
    ['dark', 1],
  ] as const)(
    'every token colour of a TypeScript block reaches WCAG AA (4.5:1) against its background, %s design',
    async (_name, design) => {
      const [html] = await htmls(TYPESCRIPT);
      const preStyle = /<pre [^>]*style="([^"]*)"/.exec(html!)?.[1] ?? '';
      const blockBackground = styleValue(preStyle, 'background-color', design);
      expect(blockBackground).toBeDefined();
      expect(luminance(blockBackground!) > 0.5).toBe(design === 0);

      const colours = new Map<string, number>();
      for (const [, style = ''] of html!.matchAll(/style="([^"]*)"/g)) {
        const colour = styleValue(style, 'color', design);
        if (!colour) continue;
        const background = styleValue(style, 'background-color', design) ?? blockBackground!;
        colours.set(`${colour} on ${background}`, contrast(colour, background));
      }
      expect(colours.size).toBeGreaterThanOrEqual(6);
      const low = [...colours]
        .filter(([, ratio]) => ratio < 4.5)
        .map(([pair, ratio]) => `${pair}: ${ratio.toFixed(2)}`);
      expect(low).toEqual([]);
    },
  );

  it('measures contrast as WCAG defines it', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#E36209', '#ffffff')).toBeCloseTo(3.49, 2);
  });
});
