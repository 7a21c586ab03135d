/**
 * The course's own slide macros, in remark.js syntax `![:name args](value)`.
 * `scale` and `demo` are built in (see README, "Foliensätze schreiben"). A macro gets
 * `{ name, args, value }` and returns Markdown (raw HTML allowed) that replaces the call;
 * an error it throws fails the build with the deck file and line.
 */
import type { MacroRegistry } from '../src/deck/macros';

export const macros: MacroRegistry = {};
