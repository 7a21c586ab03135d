import { basename, extname, relative, sep } from 'node:path';
import type { Rolldown } from 'vite';

/**
 * Pages made from one HTML template (a deck page per deck, a quiz page per bank): the template is
 * one more build input, so its script is bundled once, and its built HTML is taken out of the
 * bundle to be copied per page.
 */
export function withTemplateInput(
  input: Rolldown.InputOptions['input'],
  name: string,
  template: string,
): Record<string, string> {
  const entries =
    typeof input === 'string'
      ? { index: input }
      : Array.isArray(input)
        ? Object.fromEntries(input.map((path) => [basename(path, extname(path)), path]))
        : { ...input };
  return { ...entries, [name]: template };
}

/** The template's built HTML, removed from the bundle; undefined when the build did not include it. */
export function takeBuiltTemplate(bundle: Rolldown.OutputBundle, root: string, template: string): string | undefined {
  const fileName = relative(root, template).split(sep).join('/');
  const built = bundle[fileName];
  if (!built || built.type !== 'asset') return undefined;
  delete bundle[fileName];
  return String(built.source);
}
