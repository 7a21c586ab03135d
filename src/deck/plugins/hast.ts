/** Small reads of hast nodes shared by the rehype plugins. */
import type { Element, Nodes } from 'hast';

export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}

export function classesOf(node: Element): string[] {
  const value: unknown = node.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The language of a `<code class="language-x">`, as remark-rehype writes a fence's info word. */
export function codeLanguage(code: Element): string | undefined {
  if (code.tagName !== 'code') return undefined;
  return classesOf(code)
    .find((name) => name.startsWith('language-'))
    ?.slice('language-'.length);
}

export function addClass(node: Element, name: string): void {
  node.properties.className = [...classesOf(node), name];
}
