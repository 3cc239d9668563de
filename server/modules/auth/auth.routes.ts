import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZChangePasswordRequest, ZLoginRequest, ZMe, ZOk } from '../../../common/contracts/auth.contract.ts';
import type { RouteDeps } from '../../app.ts';
import type { Config } from '../../config.ts';
import { actorContextOf, contextOf } from '../../http/request-context.ts';
import { changePassword, describeMe, login, logout, resolveSession } from './auth.service.ts';

/** `__Host-` binds the cookie to this origin and path (security.md item 10); it requires Secure. */
export const SESSION_COOKIE = '__Host-dv_session';
const PLAIN_HTTP_COOKIE = 'dv_session';

export function sessionCookieName(config: Config) {
  return config.cookieSecure ? SESSION_COOKIE : PLAIN_HTTP_COOKIE;
}

function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date) {
  reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    secure: config.cookieSecure,
    sameSite: 'strict',
    expires: expiresAt,
  });
}

export function registerAuthRoutes(app: FastifyInstance, { db, config }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: ZLoginRequest, response: { 200: ZMe } },
      config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const previousToken = req.cookies[sessionCookieName(config)];
      const { token, expiresAt } = await login(db, config, contextOf(req), { ...req.body, previousToken });
      setSessionCookie(reply, config, token, expiresAt);
      const s = await resolveSession(db, config, token, req.startedAt);
      return describeMe(db, s!);
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: ZOk } }, config: { policy: 'authenticated' } }, async (req, reply) => {
    await logout(db, contextOf(req), req.sessionUser!.sessionId);
    reply.clearCookie(sessionCookieName(config), { path: '/', secure: config.cookieSecure, httpOnly: true, sameSite: 'strict' });
    return { ok: true as const };
  });

  r.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: ZMe } }, config: { policy: 'authenticated' } }, async (req) =>
    describeMe(db, req.sessionUser!),
  );

  r.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], body: ZChangePasswordRequest, response: { 200: ZOk } }, config: { policy: 'authenticated' } },
    async (req, reply) => {
      const { token, expiresAt } = await changePassword(db, config, actorContextOf(req), req.body);
      setSessionCookie(reply, config, token, expiresAt);
      return { ok: true as const };
    },
  );
}
