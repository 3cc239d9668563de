import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZAdvanceCycle,
  ZCloseCycle,
  ZCreateCycle,
  ZCycleDetail,
  ZCycleList,
  ZCycleListQuery,
  ZDecisionInput,
  ZEntryDetail,
  ZGradingReport,
  ZMemberGrading,
  ZProposalInput,
  ZReportQuery,
  ZSelfAssessmentInput,
  ZUpdateCycle,
} from '../../../common/contracts/grading.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import {
  advanceCycle,
  closeCycle,
  createCycle,
  exportReport,
  getCycle,
  getEntry,
  getMemberGrading,
  getReport,
  listCycles,
  saveDecision,
  saveProposal,
  saveSelfAssessment,
  updateCycle,
} from './grading.service.ts';

const tags = ['grading'];
const read = { policy: 'grading.read' } as const;
const manage = { policy: 'grading.manage' } as const;
const decide = { policy: 'grading.decide' } as const;
const cycle = { 200: ZCycleDetail };
const entry = { 200: ZEntryDetail };

export function registerGradingRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/grading/cycles', { schema: { tags, querystring: ZCycleListQuery, response: { 200: ZCycleList } }, config: read }, async (req) =>
    listCycles(db, actorContextOf(req), req.query),
  );
  r.post('/api/grading/cycles', { schema: { tags, body: ZCreateCycle, response: { 201: ZCycleDetail } }, config: manage }, async (req, reply) =>
    reply.code(201).send(await createCycle(db, actorContextOf(req), req.body)),
  );
  r.get('/api/grading/cycles/:id', { schema: { tags, params: ZIdParams, response: cycle }, config: read }, async (req) =>
    getCycle(db, actorContextOf(req), req.params.id),
  );
  r.put('/api/grading/cycles/:id', { schema: { tags, params: ZIdParams, body: ZUpdateCycle, response: cycle }, config: manage }, async (req) =>
    updateCycle(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post('/api/grading/cycles/:id/advance', { schema: { tags, params: ZIdParams, body: ZAdvanceCycle, response: cycle }, config: manage }, async (req) =>
    advanceCycle(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post('/api/grading/cycles/:id/close', { schema: { tags, params: ZIdParams, body: ZCloseCycle, response: cycle }, config: decide }, async (req) =>
    closeCycle(db, actorContextOf(req), req.params.id, req.body),
  );

  r.get('/api/grading/entries/:id', { schema: { tags, params: ZIdParams, response: entry }, config: read }, async (req) =>
    getEntry(db, actorContextOf(req), req.params.id),
  );
  r.put('/api/grading/entries/:id/self-assessment', { schema: { tags, params: ZIdParams, body: ZSelfAssessmentInput, response: entry }, config: manage }, async (req) =>
    saveSelfAssessment(db, actorContextOf(req), req.params.id, req.body),
  );
  r.put('/api/grading/entries/:id/proposal', { schema: { tags, params: ZIdParams, body: ZProposalInput, response: entry }, config: manage }, async (req) =>
    saveProposal(db, actorContextOf(req), req.params.id, req.body),
  );
  r.put('/api/grading/entries/:id/decision', { schema: { tags, params: ZIdParams, body: ZDecisionInput, response: entry }, config: decide }, async (req) =>
    saveDecision(db, actorContextOf(req), req.params.id, req.body),
  );

  r.get('/api/grading/members/:id', { schema: { tags, params: ZIdParams, response: { 200: ZMemberGrading } }, config: read }, async (req) =>
    getMemberGrading(db, actorContextOf(req), req.params.id),
  );

  r.get('/api/grading/report', { schema: { tags, querystring: ZReportQuery, response: { 200: ZGradingReport } }, config: { policy: 'report.read' } }, async (req) =>
    getReport(db, actorContextOf(req), req.query),
  );
  r.get('/api/grading/report.xlsx', { schema: { tags, querystring: ZReportQuery }, config: { policy: 'report.read' } }, async (req, reply) => {
    const { filename, buffer } = await exportReport(db, actorContextOf(req), req.query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(buffer);
  });
}
