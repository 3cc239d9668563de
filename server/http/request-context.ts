import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors.ts';
import type { MfaPending, SessionUser } from '../modules/auth/auth.service.ts';
import type { RoutePolicy } from '../policy/policy.ts';
import type { Actor, RequestContext } from './actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    sessionUser: SessionUser | null;
    actor: Actor | null;
    startedAt: Date;
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /**
     * The pending sessions (auth.service.ts MfaPending) this route also answers; every other route refuses them
     * with MFA_REQUIRED / MFA_ENROLLMENT_REQUIRED (app.ts). Absent: full sessions only.
     */
    mfaPending?: readonly MfaPending[];
  }
}

export function contextOf(req: FastifyRequest): RequestContext {
  return { requestId: String(req.id), actor: req.actor, now: req.startedAt };
}

/** For handlers behind a role policy: the actor is always set there (the policy hook refuses otherwise). */
export function actorContextOf(req: FastifyRequest): RequestContext & { actor: Actor } {
  if (!req.actor) throw new DomainError('UNAUTHENTICATED');
  return { requestId: String(req.id), actor: req.actor, now: req.startedAt };
}
