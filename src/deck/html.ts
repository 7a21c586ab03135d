/** HTML's inter-element whitespace (not U+00A0: an `&nbsp;` paragraph is a deliberate spacer). */
export function isInterElementWhitespace(text: string): boolean {
  return /^[ \t\n\r\f]*$/.test(text);
}
