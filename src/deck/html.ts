/** Escaping for HTML that macros and the deck page build as strings. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** HTML's inter-element whitespace (not U+00A0: an `&nbsp;` paragraph is a deliberate spacer). */
export function isInterElementWhitespace(text: string): boolean {
  return /^[ \t\n\r\f]*$/.test(text);
}
