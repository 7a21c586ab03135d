/** Runs `task` once the next frame has been painted: work that must not delay what the audience sees. */
export function afterPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task));
}
