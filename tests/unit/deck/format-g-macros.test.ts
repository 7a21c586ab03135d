import { describe, expect, it } from 'vitest';
import type { MacroCall } from '../../../src/deck/macros';
import { compileError, htmls } from './helpers';

const record = (calls: MacroCall[]) => ({
  record: (call: MacroCall) => {
    calls.push(call);
    return '';
  },
});

describe('G. Macros', () => {
  it('R44: `![:name args](value)`: name up to the first space, args split at commas and trimmed', async () => {
    const calls: MacroCall[] = [];
    await htmls('![:record a, b, c](d) ![:record a b](v) ![:record]() ![:record x]', { macros: record(calls) });
    expect(calls).toEqual([
      { name: 'record', args: ['a', 'b', 'c'], value: 'd' },
      { name: 'record', args: ['a b'], value: 'v' },
      { name: 'record', args: [''], value: '' },
      { name: 'record', args: ['x'], value: undefined },
    ]);
  });

  it('R45: the macro gets its args and value; an unknown macro fails the build with file, slide and line', async () => {
    expect(await htmls('![:upper](wort)', { macros: { upper: ({ value }) => value?.toUpperCase() } })).toEqual([
      '<p>WORT</p>',
    ]);
    expect(await compileError('a\n---\nb\n\n![:fehlt 1](x)')).toBe(
      'slides/test.md:5: Folie 2: Unbekanntes Makro „fehlt“ (vorhanden: demo, scale)',
    );
  });

  it('R46: a result is Markdown again (macros nest); numbers are turned into text, undefined into nothing', async () => {
    const macros = {
      upper: ({ value }: MacroCall) => value?.toUpperCase(),
      wrap: ({ value }: MacroCall) => `![:upper](${value})`,
      sum: ({ args }: MacroCall) => args.reduce((total, arg) => total + Number(arg), 0),
      nothing: () => undefined,
      bold: () => '**fett** und _kursiv_',
    };
    expect(await htmls('![:wrap](word)', { macros })).toEqual(['<p>WORD</p>']);
    expect(await htmls('a ![:sum 1, 2, 3] b', { macros })).toEqual(['<p>a 6 b</p>']);
    expect(await htmls('a![:nothing]b ![:bold]', { macros })).toEqual([
      '<p>ab <strong>fett</strong> und <em>kursiv</em></p>',
    ]);
  });

  it('R46: a macro that calls itself endlessly is a clear error, not a hang', async () => {
    const message = await compileError('![:loop](x)', { macros: { loop: () => '![:loop](x)' } });
    expect(message).toContain('Makro „loop“');
  });

  it('R47: macros are not expanded in code; they are in notes and content classes', async () => {
    const macros = { hi: () => 'hallo' };
    const [html] = await htmls('`![:hi]()`\n\n```\n![:hi]()\n```\n\n.x[![:hi]()]', { macros });
    expect(html).toContain('<code class="remark-inline-code">![:hi]()</code>');
    expect(html).toContain('<span class="x">hallo</span>');
    const [code] = html!.match(/<pre[\s\S]*<\/pre>/)!;
    expect(code).not.toContain('hallo');
  });

  it('R48: `scale` is built in: the image at that width, the alt text empty or the caption', async () => {
    expect(await htmls('![:scale 50%](pic.png)')).toEqual(['<p><img src="pic.png" alt="" style="width: 50%"></p>']);
    expect(await htmls('![:scale 60%, Abb. 4: Clients, Server & Netz](media/x.svg)')).toEqual([
      '<figure><img src="media/x.svg" alt="Abb. 4: Clients, Server &#x26; Netz" style="width: 60%">' +
        '<figcaption>Abb. 4: Clients, Server &#x26; Netz</figcaption></figure>',
    ]);
  });

  it('R48: a figure never ends up inside a <p>, even with text around it', async () => {
    expect(await htmls('Davor ![:scale 30%, Abb. 1](a.svg) danach')).toEqual([
      '<p>Davor</p>\n<figure><img src="a.svg" alt="Abb. 1" style="width: 30%"><figcaption>Abb. 1</figcaption></figure>\n<p>danach</p>',
    ]);
  });

  it('R48: `scale` without a width or an image is an error', async () => {
    expect(await compileError('![:scale groß](x.svg)')).toContain('„groß“ ist keine Breite');
    expect(await compileError('![:scale 50%]')).toContain('Bildadresse fehlt');
  });
});
