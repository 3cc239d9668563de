import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import { ZCreateUser, ZUpdateUser, ZUser, ZUserList, ZUserListQuery, ZUserWithPassword } from '../../../common/contracts/users.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { createUser, getUser, listUsers, resetUserPassword, resetUserTotp, unlockUser, updateUser } from './users.service.ts';

// Accounts: administrators only ('user.manage'), each within its own organization subtree.
export function registerUserRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { policy: 'user.manage' } as const;
  const tags = ['users'];

  r.get('/api/users', { schema: { tags, querystring: ZUserListQuery, response: { 200: ZUserList } }, config }, async (req) =>
    listUsers(db, actorContextOf(req), req.query),
  );

  r.get('/api/users/:id', { schema: { tags, params: ZIdParams, response: { 200: ZUser } }, config }, async (req) =>
    getUser(db, actorContextOf(req), req.params.id),
  );

  r.post('/api/users', { schema: { tags, body: ZCreateUser, response: { 201: ZUserWithPassword } }, config }, async (req, reply) =>
    reply.code(201).send(await createUser(db, actorContextOf(req), req.body)),
  );

  r.put('/api/users/:id', { schema: { tags, params: ZIdParams, body: ZUpdateUser, response: { 200: ZUser } }, config }, async (req) =>
    updateUser(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post('/api/users/:id/unlock', { schema: { tags, params: ZIdParams, response: { 200: ZUser } }, config }, async (req) =>
    unlockUser(db, actorContextOf(req), req.params.id),
  );

  r.post('/api/users/:id/reset-password', { schema: { tags, params: ZIdParams, response: { 200: ZUserWithPassword } }, config }, async (req) =>
    resetUserPassword(db, actorContextOf(req), req.params.id),
  );

  // A lost authenticator: the factor is removed and the next login enrols a new one (security.md item 9).
  r.post('/api/users/:id/totp-reset', { schema: { tags, params: ZIdParams, response: { 200: ZUser } }, config }, async (req) =>
    resetUserTotp(db, actorContextOf(req), req.params.id),
  );
}
