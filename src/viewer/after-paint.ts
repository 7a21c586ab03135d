/** Runs `task` once the next frame has been painted: work that must not delay what the audience sees. */
export function afterPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task));
}

/**
 * `task` as a listener for work that follows a slide change but is not the slide itself (progress,
 * announcement, diagrams, timer, URL): run once after the next paint, however often it was called
 * before, so that a key press paints the new slide first.
 */
export function afterNextPaint(task: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    afterPaint(() => {
      pending = false;
      task();
    });
  };
}
