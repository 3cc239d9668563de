import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZCreateFrontOpinion,
  ZCreateViolation,
  ZFrontOpinion,
  ZMemberConduct,
  ZUpdateFrontOpinion,
  ZUpdateViolation,
  ZViolationRecord,
} from '../../../common/contracts/conduct.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { getMemberConduct, recordFrontOpinion, recordViolation, updateFrontOpinion, updateViolation } from './conduct.service.ts';

const tags = ['conduct'];

// A member's conduct (R-RMV-06, R-DIS-07): violations of state discipline or the law, and the Front's yearly opinions.
export function registerConductRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/members/:id/conduct',
    { schema: { tags, params: ZIdParams, response: { 200: ZMemberConduct } }, config: { policy: 'conduct.read' } },
    async (req) => getMemberConduct(db, actorContextOf(req), req.params.id),
  );

  r.post(
    '/api/members/:id/violations',
    { schema: { tags, params: ZIdParams, body: ZCreateViolation, response: { 201: ZViolationRecord } }, config: { policy: 'conduct.manage' } },
    async (req, reply) => reply.code(201).send(await recordViolation(db, actorContextOf(req), req.params.id, req.body)),
  );

  r.put(
    '/api/violations/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateViolation, response: { 200: ZViolationRecord } }, config: { policy: 'conduct.manage' } },
    async (req) => updateViolation(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/members/:id/front-opinions',
    { schema: { tags, params: ZIdParams, body: ZCreateFrontOpinion, response: { 201: ZFrontOpinion } }, config: { policy: 'conduct.manage' } },
    async (req, reply) => reply.code(201).send(await recordFrontOpinion(db, actorContextOf(req), req.params.id, req.body)),
  );

  r.put(
    '/api/front-opinions/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateFrontOpinion, response: { 200: ZFrontOpinion } }, config: { policy: 'conduct.manage' } },
    async (req) => updateFrontOpinion(db, actorContextOf(req), req.params.id, req.body),
  );
}
