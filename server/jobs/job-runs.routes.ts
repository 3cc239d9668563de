import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type JobRun, ZJobOutcome, ZJobRunsQuery, ZJobRunsResponse } from '../../common/contracts/calendar.contract.ts';
import type { RouteDeps } from '../app.ts';
import { registeredSweeps } from './job-registry.ts';
import { listRuns } from './job-runs.repo.ts';

// The last runs of the scheduled sweeps, for administrators (the calendar page shows them).

export function registerJobRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/jobs/runs',
    { schema: { tags: ['jobs'], querystring: ZJobRunsQuery, response: { 200: ZJobRunsResponse } }, config: { policy: 'calendar.manage' } },
    async (req) => {
      const rows = await listRuns(db, req.query);
      const items: JobRun[] = rows.map((row) => ({
        id: row.id,
        name: row.name,
        trigger: row.trigger,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        outcome: ZJobOutcome.parse(row.outcome),
        changed: row.changed,
        errorCode: row.error_code,
      }));
      return { items, sweeps: registeredSweeps().map((s) => s.name) };
    },
  );
}
