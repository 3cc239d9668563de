import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import { ZAssignment, ZCellAssignments, ZCreateAssignment, ZDateQuery, ZUpdateAssignment } from '../../../common/contracts/party-life.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { createAssignment, getCellAssignments, updateAssignment } from './assignments.service.ts';

const tags = ['assignments'];

// Work assignments (R-MGT-01): the cell's roster with who has work, who is exempted, and who has none.
export function registerAssignmentRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/organizations/:id/assignments',
    { schema: { tags, params: ZIdParams, querystring: ZDateQuery, response: { 200: ZCellAssignments } }, config: { policy: 'meeting.read' } },
    async (req) => getCellAssignments(db, actorContextOf(req), req.params.id, req.query.date),
  );

  r.post(
    '/api/organizations/:id/assignments',
    { schema: { tags, params: ZIdParams, body: ZCreateAssignment, response: { 201: ZAssignment } }, config: { policy: 'assignment.manage' } },
    async (req, reply) => reply.code(201).send(await createAssignment(db, actorContextOf(req), req.params.id, req.body)),
  );

  r.put(
    '/api/assignments/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateAssignment, response: { 200: ZAssignment } }, config: { policy: 'assignment.manage' } },
    async (req) => updateAssignment(db, actorContextOf(req), req.params.id, req.body),
  );
}
