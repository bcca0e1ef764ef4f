// The lines of a task's facts list (<dl class="facts">): who leads, who takes part, until when.

/** Names of units or leaders as one line. */
export const names = (list: ReadonlyArray<{ name: string }>, mark = ''): string => list.map((x) => `${mark}${x.name}`).join('、');

/** One term with its value, left out when the value is empty. */
export function Fact({ term, value }: { term: string; value: string }) {
  if (!value) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}
