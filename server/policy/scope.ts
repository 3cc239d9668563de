import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../http/actor.ts';

// Scope is enforced here and only here (architecture principle 8): every repo that reads or
// writes scoped rows filters with one of these, so an out-of-scope id simply is not found (404).

/** True when a materialized path lies inside the actor's subtree. */
export function isPathInScope(actor: Pick<Actor, 'orgPath'>, path: string): boolean {
  return path.startsWith(actor.orgPath);
}

/** LIKE pattern for a subtree; paths hold only digits and '/', so no escaping is needed. */
export function subtreePattern(orgPath: string): string {
  return `${orgPath}%`;
}

/** WHERE clause for rows carrying an organization path column. */
export function whereOrgPathInScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  pathColumn: string,
  actor: Pick<Actor, 'orgPath'>,
) {
  return eb(sql.ref(pathColumn), 'like', subtreePattern(actor.orgPath));
}

/** WHERE clause for member rows: subtree for officials, own record for the member role. */
export function whereMemberInScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Pick<Actor, 'orgPath' | 'reach' | 'personId'>,
  columns: { orgPath: string; personId: string },
) {
  if (actor.reach === 'self') return eb(sql.ref(columns.personId), '=', actor.personId ?? -1);
  return eb(sql.ref(columns.orgPath), 'like', subtreePattern(actor.orgPath));
}
