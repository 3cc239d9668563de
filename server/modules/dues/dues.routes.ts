import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOk } from '../../../common/contracts/auth.contract.ts';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZArrearsQuery,
  ZCellArrears,
  ZCollectionSheet,
  ZCreateDuesExemption,
  ZCreateDuesReduction,
  ZCreateGoodReason,
  ZCreateMinimumWage,
  ZCreateRemittance,
  ZDuesExemption,
  ZDuesPayment,
  ZDuesProfileVersion,
  ZDuesReduction,
  ZGoodReason,
  ZIncomingRemittances,
  ZMemberDues,
  ZMemberIdParams,
  ZMinimumWages,
  ZMonthlySeries,
  ZMonthlySeriesQuery,
  ZMonthQuery,
  ZOrganizationIdParams,
  ZReceiveRemittance,
  ZReconciliation,
  ZRecordPayments,
  ZRecordPaymentsResult,
  ZRemittance,
  ZReversePayment,
  ZSetDuesProfile,
  ZUpdateDuesExemption,
  ZUpdateDuesReduction,
  ZUpdateRemittance,
  ZVersionQuery,
  ZYearQuery,
} from '../../../common/contracts/dues.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { attachmentHeader } from '../documents/party-document.ts';
import * as service from './dues.service.ts';

const tags = ['dues'];
const read = { policy: 'dues.read' } as const;
const manage = { policy: 'dues.manage' } as const;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Party dues (R-DUE): officials of the subtree read, cell secretaries and officers record; a member reads only their own
// dues (reach 'self'), and the organization-level views refuse the member role.
export function registerDuesRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- a member's dues
  r.get('/api/dues/members/:memberId', { schema: { tags, params: ZMemberIdParams, querystring: ZYearQuery, response: { 200: ZMemberDues } }, config: read }, async (req) =>
    service.getMemberDues(db, actorContextOf(req), req.params.memberId, req.query.year),
  );
  r.put(
    '/api/dues/members/:memberId/profile',
    { schema: { tags, params: ZMemberIdParams, body: ZSetDuesProfile, response: { 200: ZDuesProfileVersion } }, config: manage },
    async (req) => service.setDuesProfile(db, actorContextOf(req), req.params.memberId, req.body),
  );
  r.post(
    '/api/dues/members/:memberId/exemptions',
    { schema: { tags, params: ZMemberIdParams, body: ZCreateDuesExemption, response: { 201: ZDuesExemption } }, config: manage },
    async (req, reply) => reply.code(201).send(await service.createDuesExemption(db, actorContextOf(req), req.params.memberId, req.body)),
  );
  r.put('/api/dues/exemptions/:id', { schema: { tags, params: ZIdParams, body: ZUpdateDuesExemption, response: { 200: ZDuesExemption } }, config: manage }, async (req) =>
    service.updateDuesExemption(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/dues/members/:memberId/reductions',
    { schema: { tags, params: ZMemberIdParams, body: ZCreateDuesReduction, response: { 201: ZDuesReduction } }, config: manage },
    async (req, reply) => reply.code(201).send(await service.createDuesReduction(db, actorContextOf(req), req.params.memberId, req.body)),
  );
  r.put('/api/dues/reductions/:id', { schema: { tags, params: ZIdParams, body: ZUpdateDuesReduction, response: { 200: ZDuesReduction } }, config: manage }, async (req) =>
    service.updateDuesReduction(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/dues/members/:memberId/good-reasons',
    { schema: { tags, params: ZMemberIdParams, body: ZCreateGoodReason, response: { 201: ZGoodReason } }, config: manage },
    async (req, reply) => reply.code(201).send(await service.createGoodReason(db, actorContextOf(req), req.params.memberId, req.body)),
  );
  r.delete('/api/dues/good-reasons/:id', { schema: { tags, params: ZIdParams, querystring: ZVersionQuery, response: { 200: ZOk } }, config: manage }, async (req) =>
    service.deleteGoodReason(db, actorContextOf(req), req.params.id, req.query.version),
  );

  // ---- payments (append-only)
  r.post('/api/dues/payments', { schema: { tags, body: ZRecordPayments, response: { 200: ZRecordPaymentsResult, 201: ZRecordPaymentsResult } }, config: manage }, async (req, reply) => {
    const result = await service.recordPayments(db, actorContextOf(req), req.body);
    return reply.code(result.replayed ? 200 : 201).send(result);
  });
  r.post(
    '/api/dues/payments/:id/reverse',
    { schema: { tags, params: ZIdParams, body: ZReversePayment, response: { 201: ZDuesPayment } }, config: manage },
    async (req, reply) => reply.code(201).send(await service.reversePayment(db, actorContextOf(req), req.params.id, req.body.reason)),
  );

  // ---- a cell's views
  r.get(
    '/api/dues/organizations/:organizationId/collection',
    { schema: { tags, params: ZOrganizationIdParams, querystring: ZMonthQuery, response: { 200: ZCollectionSheet } }, config: read },
    async (req) => service.getCollectionSheet(db, actorContextOf(req), req.params.organizationId, req.query.month),
  );
  r.get('/api/dues/organizations/:organizationId/collection.xlsx', { schema: { tags, params: ZOrganizationIdParams, querystring: ZMonthQuery }, config: read }, async (req, reply) => {
    const { fileName, buffer } = await service.exportCollectionSheet(db, actorContextOf(req), req.params.organizationId, req.query.month);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(fileName)).send(buffer);
  });
  r.get(
    '/api/dues/organizations/:organizationId/arrears',
    { schema: { tags, params: ZOrganizationIdParams, querystring: ZArrearsQuery, response: { 200: ZCellArrears } }, config: read },
    async (req) => service.getCellArrears(db, actorContextOf(req), req.params.organizationId, req.query),
  );
  r.get(
    '/api/dues/organizations/:organizationId/monthly',
    { schema: { tags, params: ZOrganizationIdParams, querystring: ZMonthlySeriesQuery, response: { 200: ZMonthlySeries } }, config: read },
    async (req) => service.getMonthlySeries(db, actorContextOf(req), req.params.organizationId, req.query),
  );

  // ---- remittances to the organization above
  r.get(
    '/api/dues/organizations/:organizationId/remittances',
    { schema: { tags, params: ZOrganizationIdParams, querystring: ZYearQuery, response: { 200: ZReconciliation } }, config: read },
    async (req) => service.getReconciliation(db, actorContextOf(req), req.params.organizationId, req.query.year),
  );
  r.get(
    '/api/dues/organizations/:organizationId/incoming-remittances',
    { schema: { tags, params: ZOrganizationIdParams, querystring: ZYearQuery, response: { 200: ZIncomingRemittances } }, config: read },
    async (req) => service.getIncomingRemittances(db, actorContextOf(req), req.params.organizationId, req.query.year),
  );
  r.post(
    '/api/dues/organizations/:organizationId/remittances',
    { schema: { tags, params: ZOrganizationIdParams, body: ZCreateRemittance, response: { 201: ZRemittance } }, config: manage },
    async (req, reply) => reply.code(201).send(await service.createRemittance(db, actorContextOf(req), req.params.organizationId, req.body)),
  );
  r.put('/api/dues/remittances/:id', { schema: { tags, params: ZIdParams, body: ZUpdateRemittance, response: { 200: ZRemittance } }, config: manage }, async (req) =>
    service.updateRemittance(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post('/api/dues/remittances/:id/receive', { schema: { tags, params: ZIdParams, body: ZReceiveRemittance, response: { 200: ZRemittance } }, config: manage }, async (req) =>
    service.receiveRemittance(db, actorContextOf(req), req.params.id, req.body),
  );

  // ---- regional minimum wages (an administrator adds a row for a new decree)
  r.get('/api/dues/minimum-wages', { schema: { tags, response: { 200: ZMinimumWages } }, config: read }, async () => service.listMinimumWages(db));
  r.post('/api/dues/minimum-wages', { schema: { tags, body: ZCreateMinimumWage, response: { 201: ZMinimumWages } }, config: manage }, async (req, reply) =>
    reply.code(201).send(await service.addMinimumWage(db, actorContextOf(req), req.body)),
  );
}
