type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Creates an element. Attributes set to `false` or `undefined` are left out, `true` sets an
 * empty attribute; `html` sets trusted, build-time compiled markup.
 */
export function h(tag: string, attributes: Attributes & { html?: string } = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'html' || value === false || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  if (attributes.html !== undefined) element.innerHTML = attributes.html;
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Plain text of compiled HTML, e.g. for labels. */
export function textOf(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
}
