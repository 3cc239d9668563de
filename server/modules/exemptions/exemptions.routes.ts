import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import { ZCreateExemption, ZExemption, ZExemptionList, ZExemptionListQuery, ZUpdateExemption } from '../../../common/contracts/party-life.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { createExemption, listExemptions, updateExemption } from './exemptions.service.ts';

const tags = ['exemptions'];

// Exemptions from party activities and work (R-MGT-02): the cell records them; the organization above reads them
// for its whole subtree (within=subtree).
export function registerExemptionRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/organizations/:id/exemptions',
    { schema: { tags, params: ZIdParams, querystring: ZExemptionListQuery, response: { 200: ZExemptionList } }, config: { policy: 'meeting.read' } },
    async (req) => listExemptions(db, actorContextOf(req), req.params.id, req.query),
  );

  r.post(
    '/api/organizations/:id/exemptions',
    { schema: { tags, params: ZIdParams, body: ZCreateExemption, response: { 201: ZExemption } }, config: { policy: 'exemption.manage' } },
    async (req, reply) => reply.code(201).send(await createExemption(db, actorContextOf(req), req.params.id, req.body)),
  );

  r.put(
    '/api/exemptions/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateExemption, response: { 200: ZExemption } }, config: { policy: 'exemption.manage' } },
    async (req) => updateExemption(db, actorContextOf(req), req.params.id, req.body),
  );
}
