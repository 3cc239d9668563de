import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZClassDetail,
  ZClassList,
  ZClassListQuery,
  ZCreateClass,
  ZEnrol,
  ZEnrolment,
  ZIssueCertificates,
  ZLearnerOptions,
  ZLearnerQuery,
  ZLearnerSearchBody,
  ZNextNumber,
  ZNextNumberQuery,
  ZPersonCertificates,
  ZPersonIdParams,
  ZUpdateClass,
  ZUpdateEnrolment,
} from '../../../common/contracts/training.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { refuseCitizenIdInUrl } from '../../http/citizen-id-in-url.ts';
import { actorContextOf } from '../../http/request-context.ts';
import {
  createClass,
  enrol,
  exportClassResults,
  getClass,
  getPersonCertificates,
  issueCertificates,
  listClasses,
  nextCertificateNumber,
  removeEnrolment,
  searchLearners,
  updateClass,
  updateEnrolment,
} from './training.service.ts';

const tags = ['training'];
const detail = { 200: ZClassDetail };
const read = { policy: 'training.read' } as const;
const manage = { policy: 'training.manage' } as const;

// Training: officials of the subtree read classes and results; training officers (and administrators) run them.
export function registerTrainingRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/training/classes', { schema: { tags, querystring: ZClassListQuery, response: { 200: ZClassList } }, config: read }, async (req) =>
    listClasses(db, actorContextOf(req), req.query),
  );

  r.post('/api/training/classes', { schema: { tags, body: ZCreateClass, response: { 201: ZClassDetail } }, config: manage }, async (req, reply) =>
    reply.code(201).send(await createClass(db, actorContextOf(req), req.body)),
  );

  // q searches persons.search_text (name and citizen id): a citizen id is refused in the URL and taken by the POST twin
  // (security.md item 25), same policy entry, same service function.
  r.get(
    '/api/training/learners',
    { schema: { tags, querystring: ZLearnerQuery, response: { 200: ZLearnerOptions } }, config: manage, preHandler: refuseCitizenIdInUrl },
    async (req) => searchLearners(db, actorContextOf(req), req.query.q),
  );
  r.post('/api/training/learners/search', { schema: { tags, body: ZLearnerSearchBody, response: { 200: ZLearnerOptions } }, config: manage }, async (req) =>
    searchLearners(db, actorContextOf(req), req.body.q),
  );

  r.get('/api/training/classes/:id', { schema: { tags, params: ZIdParams, response: detail }, config: read }, async (req) =>
    getClass(db, actorContextOf(req), req.params.id),
  );

  r.put('/api/training/classes/:id', { schema: { tags, params: ZIdParams, body: ZUpdateClass, response: detail }, config: manage }, async (req) =>
    updateClass(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post('/api/training/classes/:id/enrolments', { schema: { tags, params: ZIdParams, body: ZEnrol, response: { 201: ZClassDetail } }, config: manage }, async (req, reply) =>
    reply.code(201).send(await enrol(db, actorContextOf(req), req.params.id, req.body.personId)),
  );

  r.patch('/api/training/enrolments/:id', { schema: { tags, params: ZIdParams, body: ZUpdateEnrolment, response: { 200: ZEnrolment } }, config: manage }, async (req) =>
    updateEnrolment(db, actorContextOf(req), req.params.id, req.body),
  );

  r.delete(
    '/api/training/enrolments/:id',
    { schema: { tags, params: ZIdParams, querystring: z.object({ version: ZId }), response: detail }, config: manage },
    async (req) => removeEnrolment(db, actorContextOf(req), req.params.id, req.query.version),
  );

  r.get(
    '/api/training/classes/:id/next-certificate-number',
    { schema: { tags, params: ZIdParams, querystring: ZNextNumberQuery, response: { 200: ZNextNumber } }, config: manage },
    async (req) => nextCertificateNumber(db, actorContextOf(req), req.params.id, req.query.issuedOn),
  );

  r.post('/api/training/classes/:id/certificates', { schema: { tags, params: ZIdParams, body: ZIssueCertificates, response: detail }, config: manage }, async (req) =>
    issueCertificates(db, actorContextOf(req), req.params.id, req.body),
  );

  r.get('/api/training/classes/:id/results.xlsx', { schema: { tags, params: ZIdParams }, config: read }, async (req, reply) => {
    const { filename, buffer } = await exportClassResults(db, actorContextOf(req), req.params.id);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(buffer);
  });

  // Certificates on a person's record (candidate page, member page); the admission module reads findCertificates().
  r.get('/api/persons/:personId/certificates', { schema: { tags, params: ZPersonIdParams, response: { 200: ZPersonCertificates } }, config: read }, async (req) =>
    getPersonCertificates(db, actorContextOf(req), req.params.personId),
  );
}
