/** remark.js's `slideNumberFormat`: the first `%current%` and `%total%` are replaced. */
export function formatSlideNumber(format: string, current: number, total: number): string {
  return format.replace('%current%', String(current)).replace('%total%', String(total));
}
