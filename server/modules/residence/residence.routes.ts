import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZCellResidence,
  ZCreateOpinion,
  ZCreateRegistration,
  ZRegistration,
  ZResidenceOpinion,
  ZUpdateOpinion,
  ZUpdateRegistration,
} from '../../../common/contracts/party-life.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { createOpinion, createRegistration, getCellResidence, updateOpinion, updateRegistration } from './residence.service.ts';

const tags = ['residence'];

// Residence contact (R-MGT-07): registrations with the residence cell and its yearly opinions.
export function registerResidenceRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/organizations/:id/residence',
    { schema: { tags, params: ZIdParams, response: { 200: ZCellResidence } }, config: { policy: 'meeting.read' } },
    async (req) => getCellResidence(db, actorContextOf(req), req.params.id),
  );

  r.post(
    '/api/residence-registrations',
    { schema: { tags, body: ZCreateRegistration, response: { 201: ZRegistration } }, config: { policy: 'residence.manage' } },
    async (req, reply) => reply.code(201).send(await createRegistration(db, actorContextOf(req), req.body)),
  );

  r.put(
    '/api/residence-registrations/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateRegistration, response: { 200: ZRegistration } }, config: { policy: 'residence.manage' } },
    async (req) => updateRegistration(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/residence-registrations/:id/opinions',
    { schema: { tags, params: ZIdParams, body: ZCreateOpinion, response: { 201: ZResidenceOpinion } }, config: { policy: 'residence.manage' } },
    async (req, reply) => reply.code(201).send(await createOpinion(db, actorContextOf(req), req.params.id, req.body)),
  );

  r.put(
    '/api/residence-opinions/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateOpinion, response: { 200: ZResidenceOpinion } }, config: { policy: 'residence.manage' } },
    async (req) => updateOpinion(db, actorContextOf(req), req.params.id, req.body),
  );
}
