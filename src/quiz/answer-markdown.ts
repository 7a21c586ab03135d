import MarkdownIt from 'markdown-it';

/** What a student types is rendered as Markdown with raw HTML disabled: `<script>` stays text. */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

export function renderAnswer(text: string): string {
  return markdown.render(text);
}
