import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAuditList, ZAuditQuery, ZAuditVerify } from '../../../common/contracts/audit.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { verifyAuditChain } from './audit.repo.ts';
import { listAuditEntries } from './audit.service.ts';

export function registerAuditRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/audit', { schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: ZAuditList } }, config: { policy: 'audit.read' } }, async (req) =>
    listAuditEntries(db, actorContextOf(req), req.query),
  );
  r.get('/api/audit/verify', { schema: { tags: ['audit'], response: { 200: ZAuditVerify } }, config: { policy: 'audit.read' } }, async () =>
    verifyAuditChain(db),
  );
}
