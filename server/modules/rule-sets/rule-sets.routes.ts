import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAddRuleSetVersion, ZRuleSetsResponse, ZRuleSetView } from '../../../common/contracts/rule-sets.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { addRuleSetVersion, listRuleSets } from './rule-sets.service.ts';

const tags = ['rule-sets'];

export function registerRuleSetRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/rule-sets',
    { schema: { tags, response: { 200: ZRuleSetsResponse } }, config: { policy: 'rule_sets.read' } },
    async (req) => listRuleSets(db, actorContextOf(req)),
  );

  r.post(
    '/api/rule-sets/versions',
    { schema: { tags, body: ZAddRuleSetVersion, response: { 201: ZRuleSetView } }, config: { policy: 'rule_sets.manage' } },
    async (req, reply) => reply.code(201).send(await addRuleSetVersion(db, actorContextOf(req), req.body)),
  );
}
