// Whether two plain-data values (API answers, cached copies, form fields) say the same thing:
// an answer that repeats what is shown must not re-render or rewrite it. Key order counts, as in
// the JSON the worker sends; fine for data built the same way on both sides.
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
