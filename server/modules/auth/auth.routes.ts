import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZChangePasswordRequest,
  ZLoginRequest,
  ZLoginResponse,
  ZMe,
  ZOk,
  ZTotpCodeRequest,
  ZTotpEnrollment,
} from '../../../common/contracts/auth.contract.ts';
import type { RouteDeps } from '../../app.ts';
import type { Config } from '../../config.ts';
import { actorContextOf, contextOf } from '../../http/request-context.ts';
import { changePassword, describeMe, login, logout, resolveSession } from './auth.service.ts';
import { confirmTotpEnrollment, startTotpEnrollment, verifyLoginTotp } from './totp.service.ts';

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
      schema: { tags: ['auth'], body: ZLoginRequest, response: { 200: ZLoginResponse } },
      config: { policy: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const previousToken = req.cookies[sessionCookieName(config)];
      const { token, expiresAt, mfaPending } = await login(db, config, contextOf(req), { ...req.body, previousToken });
      setSessionCookie(reply, config, token, expiresAt);
      if (mfaPending === 'verify') return { mfaRequired: true as const };
      if (mfaPending === 'enroll') return { mfaEnrollmentRequired: true as const };
      const s = await resolveSession(db, config, token, req.startedAt);
      return describeMe(db, s!);
    },
  );

  // The second step of a login (security.md item 9): only a session that passed the password and owes the code.
  r.post(
    '/api/auth/totp',
    {
      schema: { tags: ['auth'], body: ZTotpCodeRequest, response: { 200: ZMe } },
      config: { policy: 'authenticated', mfaPending: ['verify'], rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const s = req.sessionUser!;
      const { token, expiresAt } = await verifyLoginTotp(db, config, actorContextOf(req), { id: s.sessionId, mfaPending: s.mfaPending }, req.body.code);
      setSessionCookie(reply, config, token, expiresAt);
      return describeMe(db, (await resolveSession(db, config, token, req.startedAt))!);
    },
  );

  // Enrolment: from the session an official without a factor gets where MFA=required, or from any full session of an
  // account without one (MFA=optional). The secret is in this answer and nowhere else, ever.
  r.post(
    '/api/auth/totp/enroll',
    { schema: { tags: ['auth'], response: { 200: ZTotpEnrollment } }, config: { policy: 'authenticated', mfaPending: ['enroll'] } },
    async (req) => startTotpEnrollment(db, actorContextOf(req)),
  );

  r.post(
    '/api/auth/totp/confirm',
    {
      schema: { tags: ['auth'], body: ZTotpCodeRequest, response: { 200: ZMe } },
      config: { policy: 'authenticated', mfaPending: ['enroll'], rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const s = req.sessionUser!;
      const { token, expiresAt } = await confirmTotpEnrollment(db, config, actorContextOf(req), { id: s.sessionId, mfaPending: s.mfaPending }, req.body.code);
      setSessionCookie(reply, config, token, expiresAt);
      return describeMe(db, (await resolveSession(db, config, token, req.startedAt))!);
    },
  );

  // A session half way through a login may still be ended.
  const logoutConfig = { policy: 'authenticated', mfaPending: ['verify', 'enroll'] } as const;
  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 200: ZOk } }, config: logoutConfig }, async (req, reply) => {
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
