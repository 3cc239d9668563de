import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Db } from './db/create-db.ts';
import { dialectOf } from './db/dialect.ts';
import { installErrorHandler, sendError } from './http/error-handler.ts';
import { contextOf } from './http/request-context.ts';
import { appendAuditAlone } from './modules/audit/audit.repo.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerAuthRoutes, sessionCookieName } from './modules/auth/auth.routes.ts';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.ts';
import { registerJobRoutes } from './jobs/job-runs.routes.ts';
import { registerCandidateRoutes } from './modules/candidates/candidates.routes.ts';
import { resolveSession } from './modules/auth/auth.service.ts';
import { registerOrganizationRoutes } from './modules/organizations/organizations.routes.ts';
import { registerPeopleRoutes } from './modules/people/people.routes.ts';
import { registerTrainingRoutes } from './modules/training/training.routes.ts';
import { registerDuesRoutes } from './modules/dues/dues.routes.ts';
import { registerAdmissionRoutes } from './modules/admission/admission.routes.ts';
import { registerMeetingRoutes } from './modules/meetings/meetings.routes.ts';
import { registerAssignmentRoutes } from './modules/assignments/assignments.routes.ts';
import { registerExemptionRoutes } from './modules/exemptions/exemptions.routes.ts';
import { registerResidenceRoutes } from './modules/residence/residence.routes.ts';
import { registerTransferRoutes } from './modules/transfers/transfers.routes.ts';
import { registerGradingRoutes } from './modules/grading/grading.routes.ts';
import { registerScreeningRoutes } from './modules/screening/screening.routes.ts';
import { registerRemovalRoutes } from './modules/removal/removal.routes.ts';
import { registerConductRoutes } from './modules/conduct/conduct.routes.ts';
import { registerRuleSetRoutes } from './modules/rule-sets/rule-sets.routes.ts';
import { registerPrivacyRoutes } from './modules/privacy/privacy.routes.ts';
import { temporaryTransfersOfMembers } from './modules/transfers/transfers.service.ts';
import { setTemporaryTransferSource } from './modules/meetings/temporary-transfers.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';
import { grantFor, isPolicyAction, type RoutePolicy } from './policy/policy.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  /** The clock; tests pass a fixed one (architecture principle 6). */
  clock?: () => Date;
  /** Extra routes outside /api (the benchmark's bare baseline route); registered before the app is sealed. */
  extend?: (app: FastifyInstance) => void;
  /** Where log lines go instead of stdout: tests read them to check what is never logged (security.md item 24). */
  logStream?: { write(line: string): void };
}

export type App = FastifyInstance;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp({ db, config, clock = () => new Date(), extend, logStream }: AppDeps): Promise<App> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            ...(logStream ? { stream: logStream } : {}),
            // Never log cookies, tokens or bodies (security.md item 24): request logs carry method, url and id only.
            serializers: { req: (r) => ({ method: r.method, url: r.url.replace(/([?&]q=)[^&]*/, '$1…'), id: r.id }) },
          },
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('startedAt', null as unknown as Date);

  // Deny by default: an /api route without a policy entry cannot even be registered (security.md item 1).
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const policy = route.config?.policy;
    if (!policy || (policy !== 'public' && policy !== 'authenticated' && !isPolicyAction(policy))) {
      throw new Error(`route ${route.method} ${route.url} has no policy entry`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, policy });
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into <style> tags; scripts stay strictly external.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: config.cookieSecure,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'dangvien API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });

  const audited = (req: Parameters<typeof contextOf>[0], action: string, outcome: 'denied') =>
    appendAuditAlone(db, contextOf(req), { action, outcome, objectType: 'route', objectId: `${req.method} ${req.routeOptions.url}` });

  installErrorHandler(app, async (req, code) => {
    if (req.actor) await audited(req, String(req.routeOptions.config?.policy ?? 'unknown'), 'denied');
    void code;
  });

  app.addHook('onRequest', async (req, reply) => {
    req.startedAt = clock();
    if (!req.url.startsWith('/api/')) return;
    // CSRF defence: a state-changing request from a foreign Origin is refused (security.md item 10).
    if (STATE_CHANGING.has(req.method)) {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      const own = origin && (origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`);
      if ((origin && !own && !config.allowedOrigins.includes(origin)) || site === 'cross-site') {
        return sendError(reply, req, 'FOREIGN_ORIGIN');
      }
    }
    const token = req.cookies[sessionCookieName(config)];
    if (token) req.sessionUser = await resolveSession(db, config, token, req.startedAt);
  });

  // Policy check: one table (server/policy/policy.ts) for every route (architecture principle 8),
  // before body validation so a refused caller learns nothing about the route's schema.
  app.addHook('preValidation', async (req, reply) => {
    const policy = req.routeOptions.config?.policy;
    if (!policy || policy === 'public' || !req.url.startsWith('/api/')) return;
    const s = req.sessionUser;
    if (!s) {
      await audited(req, policy, 'denied');
      return sendError(reply, req, 'UNAUTHENTICATED');
    }
    // A session that has passed the password only (security.md item 9) reaches the routes of its next step, nothing else.
    if (s.mfaPending && !req.routeOptions.config?.mfaPending?.includes(s.mfaPending)) {
      await audited(req, policy, 'denied');
      return sendError(reply, req, s.mfaPending === 'enroll' ? 'MFA_ENROLLMENT_REQUIRED' : 'MFA_REQUIRED');
    }
    if (policy === 'authenticated') {
      req.actor = { ...s.actor, reach: 'subtree' };
      return;
    }
    const reach = isPolicyAction(policy) ? grantFor(policy, s.actor.role) : null;
    req.actor = { ...s.actor, reach: reach ?? 'self' };
    if (!reach) {
      await audited(req, policy, 'denied');
      return sendError(reply, req, 'FORBIDDEN');
    }
  });

  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const deps = { db, config };
  app.get('/api/health', { config: { policy: 'public' } }, async () => ({ status: 'ok', database: dialectOf(db) }));
  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());
  registerAuthRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerOrganizationRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerCandidateRoutes(app, deps);
  registerTrainingRoutes(app, deps);
  registerDuesRoutes(app, deps);
  registerAdmissionRoutes(app, deps);
  registerMeetingRoutes(app, deps);
  registerAssignmentRoutes(app, deps);
  registerExemptionRoutes(app, deps);
  registerResidenceRoutes(app, deps);
  registerTransferRoutes(app, deps);
  registerGradingRoutes(app, deps);
  registerScreeningRoutes(app, deps);
  registerRemovalRoutes(app, deps);
  registerConductRoutes(app, deps);
  registerRuleSetRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  // Party life reads temporary transfers out of the home cell (R-MGT-06) from the transfers module.
  setTemporaryTransferSource(temporaryTransfersOfMembers);
  registerAuditRoutes(app, deps);
  extend?.(app);

  const webRoot = resolve(config.webDist);
  if (existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(resolve(webRoot, 'index.html'))) return sendError(reply, req, 'NOT_FOUND');
    // Client-side routes: the single page app answers them.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  await app.ready();
  return app;
}

export type RouteDeps = { db: Db; config: Config };
export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
}
declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;
