import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// SQL only (architecture principle 3): the record of scheduled runs an administrator reads.

type Q = Kysely<Database>;

export async function insertRun(db: Q, run: { name: string; trigger: string; startedAt: string }): Promise<number> {
  const row = await db
    .insertInto('job_runs')
    .values({ name: run.name, trigger: run.trigger, started_at: run.startedAt, finished_at: null, outcome: 'running', changed: null, error_code: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(
  db: Q,
  id: number,
  end: { finishedAt: string; outcome: 'success' | 'failure'; changed: number | null; errorCode: string | null },
): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: end.finishedAt, outcome: end.outcome, changed: end.changed, error_code: end.errorCode })
    .where('id', '=', id)
    .execute();
}

/** The latest runs first. */
export function listRuns(db: Q, q: { name?: string; limit: number }) {
  let query = db.selectFrom('job_runs').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.name) query = query.where('name', '=', q.name);
  return query.execute();
}
