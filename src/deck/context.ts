/**
 * What the unified plugins read from `file.data` while one slide part is converted: the deck's
 * settings (shared by all conversions of a deck) and the counters of this conversion.
 */
import type { Root as HastRoot } from 'hast';
import type { MacroRegistry } from './macros';

export interface ConvertSettings {
  highlightLines: boolean;
  highlightSpans: boolean;
  /** Language of code blocks that name none ('' = plain text). */
  highlightLanguage: string;
  /** The shiki theme code is highlighted with. */
  codeTheme: string;
  macros: MacroRegistry;
  /** Maps a local image URL as written to the URL the page uses; throws when the file is missing. */
  resolveAsset: (url: string) => string;
  /** Link reference definitions of the whole deck, prepended to every document (R51). */
  definitions: string;
  warn: (message: string, snippet: string) => void;
}

export interface Heading {
  depth: number;
  text: string;
}

export interface ConvertStats {
  diagrams: number;
  /** Formulas typeset by KaTeX. */
  formulas: number;
  demos: string[];
  /** Local image URLs as written in the deck. */
  images: string[];
  headings: Heading[];
}

export interface ConvertContext {
  settings: ConvertSettings;
  stats: ConvertStats;
}

/** A content class already converted, waiting for its placeholder in the enclosing document. */
export interface ConvertedClass {
  classes: string[];
  block: boolean;
  tree: HastRoot;
}

declare module 'vfile' {
  interface DataMap {
    convert: ConvertContext;
    contentClasses: ConvertedClass[];
  }
}

export function newStats(): ConvertStats {
  return { diagrams: 0, formulas: 0, demos: [], images: [], headings: [] };
}

export function contextOf(data: { convert?: ConvertContext }): ConvertContext {
  if (!data.convert) throw new Error('deck plugins need file.data.convert');
  return data.convert;
}
