/** Code-point order: fast, total and locale-independent (ids are not shown sorted to people). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
