type Render = (text: string) => string;

let render: Render | undefined;
let loading: Promise<void> | undefined;

/**
 * Runs `apply` with the Markdown renderer for students' answers: at once once it is loaded,
 * otherwise as soon as it arrives. markdown-it is the quiz page's largest part, so it is
 * loaded when the first free-text question is shown, not with the page.
 */
export function withMarkdown(apply: (render: Render) => void): void {
  if (render) return apply(render);
  loading ??= import('./answer-markdown').then((module) => {
    render = module.renderAnswer;
  });
  void loading.then(() => apply(render as Render));
}
