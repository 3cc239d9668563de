import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZFlag,
  ZFlagList,
  ZFlagListQuery,
  ZOversight,
  ZReviewFlag,
  ZScreeningReport,
  ZScreeningRun,
  ZScreeningRunList,
  ZScreeningScopeQuery,
  ZStartScreeningRun,
} from '../../../common/contracts/screening.contract.ts';
import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { appendAuditAlone } from '../audit/audit.repo.ts';
import { attachmentHeader } from '../documents/party-document.ts';
import { buildScreeningWorkbook } from './screening.export.ts';
import { getFlag, getOversight, getReport, getRun, listFlags, listRuns, reviewFlag, startRun } from './screening.service.ts';

const tags = ['screening'];
const read = { policy: 'screening.read' } as const;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Screening (R-RMV-01, -02, -06), the review of flags (R-RMV-07) and the report (Kế hoạch 99 II.4). Reads are scoped
// to the actor's subtree: an organization, run or flag outside it answers 404.
export function registerScreeningRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/screening/runs', { schema: { tags, body: ZStartScreeningRun, response: { 202: ZScreeningRun } }, config: { policy: 'screening.run' } }, async (req, reply) =>
    reply.code(202).send(await startRun(db, actorContextOf(req), req.body)),
  );

  r.get('/api/screening/runs', { schema: { tags, querystring: ZScreeningScopeQuery, response: { 200: ZScreeningRunList } }, config: read }, async (req) =>
    listRuns(db, actorContextOf(req), req.query),
  );

  r.get('/api/screening/runs/:id', { schema: { tags, params: ZIdParams, response: { 200: ZScreeningRun } }, config: read }, async (req) =>
    getRun(db, actorContextOf(req), req.params.id),
  );

  r.get('/api/screening/flags', { schema: { tags, querystring: ZFlagListQuery, response: { 200: ZFlagList } }, config: read }, async (req) =>
    listFlags(db, actorContextOf(req), req.query),
  );

  r.get('/api/screening/flags/:id', { schema: { tags, params: ZIdParams, response: { 200: ZFlag } }, config: read }, async (req) =>
    getFlag(db, actorContextOf(req), req.params.id, { audit: true }),
  );

  r.post('/api/screening/flags/:id/review', { schema: { tags, params: ZIdParams, body: ZReviewFlag, response: { 200: ZFlag } }, config: { policy: 'screening.review' } }, async (req) =>
    reviewFlag(db, actorContextOf(req), req.params.id, req.body),
  );

  r.get('/api/screening/oversight', { schema: { tags, querystring: ZScreeningScopeQuery, response: { 200: ZOversight } }, config: read }, async (req) =>
    getOversight(db, actorContextOf(req), req.query),
  );

  r.get('/api/screening/report', { schema: { tags, querystring: ZScreeningScopeQuery, response: { 200: ZScreeningReport } }, config: { policy: 'report.read' } }, async (req) =>
    getReport(db, actorContextOf(req), req.query),
  );

  r.get('/api/screening/report.xlsx', { schema: { tags, querystring: ZScreeningScopeQuery }, config: { policy: 'report.read' } }, async (req, reply) => {
    const ctx = actorContextOf(req);
    const report = await getReport(db, ctx, req.query);
    const buffer = await buildScreeningWorkbook(report, todayInVietnam(ctx.now));
    await appendAuditAlone(db, ctx, { action: 'screening.report.export', objectType: 'organization', objectId: report.organization.id });
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', attachmentHeader(`Rà soát đảng viên ${report.year} - ${report.organization.name}.xlsx`))
      .send(buffer);
  });
}
