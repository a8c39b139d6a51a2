/**
 * Who may see which rows, declared once as data (issue 17 point 4). A resource's policy returns a `Visibility`
 * over a few named facts of its rows; the domain evaluates it on one row (`allows`) and the server translates
 * the same clauses into SQL for lists. An agreement test on the real database keeps the two in step.
 */

/** One way a row can be visible: a fact equals a value, is one of some values, or (for a list fact) holds a value. */
export type Clause<F extends string> = { field: F; is: string } | { field: F; oneOf: readonly string[] } | { field: F; has: string };

/** Everything, or the rows that satisfy at least one clause (no clause: nothing). */
export type Visibility<F extends string> = { all: true } | { all: false; clauses: readonly Clause<F>[] };

/** The facts of one row a policy may name. */
export type Facts<F extends string> = Record<F, string | null | readonly string[]>;

export const everything = { all: true } as const;
export const nothing = { all: false, clauses: [] } as const;
export function anyOf<F extends string>(...clauses: (Clause<F> | false | null | undefined)[]): Visibility<F> {
  return { all: false, clauses: clauses.filter((c): c is Clause<F> => !!c) };
}

function holds<F extends string>(c: Clause<F>, facts: Facts<F>): boolean {
  const v = facts[c.field];
  if ('has' in c) return Array.isArray(v) && v.includes(c.has);
  if (typeof v !== 'string') return false;
  return 'is' in c ? v === c.is : c.oneOf.includes(v);
}

/** The in-memory check: whether a row with these facts is visible. */
export function allows<F extends string>(v: Visibility<F>, facts: Facts<F>): boolean {
  return v.all || v.clauses.some((c) => holds(c, facts));
}
