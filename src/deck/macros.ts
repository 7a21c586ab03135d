/**
 * Macros in remark.js syntax: `![:name arg1, arg2](value)` (R44–R48). A macro returns Markdown
 * (raw HTML included) that replaces the call; the course registers its own in `slides/macros.ts`.
 */
import { DEMOS, type DemoName, demoElementName, isSimulation } from '../shared/demos';
import { escapeHtml } from '../shared/html';

export interface MacroCall {
  name: string;
  /** The text after the name, split at commas and trimmed; `['']` when there is none. */
  args: string[];
  /** The text in `(…)`; undefined for `![:name]` without parentheses. */
  value: string | undefined;
}

/** Returns Markdown; numbers and other values are turned into text, `undefined` into nothing. */
export type Macro = (call: MacroCall) => unknown;

export type MacroRegistry = Readonly<Record<string, Macro>>;

const CSS_WIDTH = /^\d+(?:\.\d+)?(?:%|px|em|rem|vw|vh|cm|mm)$/;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * `![:scale 60%](media/x.svg)` → the image at 60 % width;
 * `![:scale 60%, Abb. 4: Text](media/x.svg)` → a figure with that caption and alt text.
 */
export const scale: Macro = ({ args, value }) => {
  const [width = '', ...caption] = args;
  if (!CSS_WIDTH.test(width)) {
    throw new Error(`„${width}“ ist keine Breite wie 60% oder 300px`);
  }
  if (!value) throw new Error('die Bildadresse fehlt, z. B. ![:scale 60%](media/bild.svg)');
  const text = caption.join(', ').trim();
  const image = `<img src="${escapeHtml(value)}" alt="${escapeHtml(text)}" style="width: ${width}">`;
  return text ? `<figure>${image}<figcaption>${escapeHtml(text)}</figcaption></figure>` : image;
};

/**
 * `![:demo tracking]()` or `![:demo task mode=job](http://host:8080)` → the live demo widget;
 * `key=value` pairs become attributes, the URL in parentheses the widget's `server`.
 */
export const demo: Macro = ({ args, value }) => {
  const [name = '', ...settings] = args.join(' ').split(/\s+/).filter(Boolean);
  if (!(DEMOS as readonly string[]).includes(name)) {
    throw new Error(`Demo „${name}“ gibt es nicht (vorhanden: ${DEMOS.join(', ')})`);
  }
  const attributes = settings.map((setting) => {
    const [key = '', ...rest] = setting.split('=');
    if (!ATTRIBUTE_NAME.test(key) || rest.length === 0) {
      throw new Error(`„${setting}“ ist keine Einstellung der Form name=wert`);
    }
    return ` ${key}="${escapeHtml(rest.join('='))}"`;
  });
  if (value) attributes.push(` server="${escapeHtml(value)}"`);
  const element = demoElementName(name as DemoName);
  const classes = isSimulation(name as DemoName) ? 'vs-demo vs-simulation' : 'vs-demo';
  return `<div class="${classes}"><${element}${attributes.join('')}></${element}></div>`;
};

export const BUILTIN_MACROS: MacroRegistry = { scale, demo };
