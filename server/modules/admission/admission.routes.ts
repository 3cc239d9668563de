import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAddIntroducer,
  ZAddOpinion,
  ZAddVerification,
  ZAdmissionCaseDetail,
  ZAdmissionDecision,
  ZAdmissionList,
  ZAdmissionListQuery,
  ZAdmissionSearchBody,
  ZAssignProbationHelper,
  ZCellResolution,
  ZCeremony,
  ZCompleteStep,
  ZDeadlines,
  ZDeadlinesQuery,
  ZDecisionExtension,
  ZDocumentParams,
  ZEndProbation,
  ZGeneratedParams,
  ZGrassrootsResolution,
  ZOpenAdmissionCase,
  ZQuality,
  ZQualityQuery,
  ZRecognitionDecision,
  ZRecognitionVote,
  ZRecordVerificationResult,
  ZRefuseCase,
  ZRemoveFact,
  ZRoll,
  ZRollQuery,
  ZUpdateAdmissionFile,
  ZUploadQuery,
} from '../../../common/contracts/admission.contract.ts';
import { ZId, ZIdParams } from '../../../common/contracts/common.contract.ts';
import { fieldError } from '../../../common/errors.ts';
import type { RouteDeps } from '../../app.ts';
import { refuseCitizenIdInUrl } from '../../http/citizen-id-in-url.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { attachmentHeader, DOCX_MIME } from '../documents/party-document.ts';
import { assertCaseInScope, downloadDocument, generateDocument, MAX_UPLOAD_BYTES, uploadDocument } from './admission.documents.ts';
import { getDeadlines, getQuality } from './admission.reports.ts';
import * as service from './admission.service.ts';

const tags = ['admissions'];
const detail = { 200: ZAdmissionCaseDetail };

// Admission and recognition (issue 3): thin edges (architecture principle 1). Each step is one route → one service
// function; the body carries the version the client read. 'admission.manage' records what the cell does,
// 'admission.decide' what a committee decides (policy.ts).
export function registerAdmissionRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // q searches persons.search_text (name and citizen id): a citizen id is refused in the URL and taken by the POST twin
  // (security.md item 25), same policy entry, same service function.
  r.get(
    '/api/admissions',
    { schema: { tags, querystring: ZAdmissionListQuery, response: { 200: ZAdmissionList } }, config: { policy: 'admission.read' }, preHandler: refuseCitizenIdInUrl },
    async (req) => service.listCases(db, actorContextOf(req), req.query),
  );
  r.post(
    '/api/admissions/search',
    { schema: { tags, body: ZAdmissionSearchBody, response: { 200: ZAdmissionList } }, config: { policy: 'admission.read' } },
    async (req) => service.listCases(db, actorContextOf(req), req.body),
  );

  r.post(
    '/api/admissions',
    { schema: { tags, body: ZOpenAdmissionCase, response: { 201: ZAdmissionCaseDetail } }, config: { policy: 'admission.manage' } },
    async (req, reply) => reply.code(201).send(await service.openCase(db, actorContextOf(req), req.body)),
  );

  r.get(
    '/api/admissions/deadlines',
    { schema: { tags, querystring: ZDeadlinesQuery, response: { 200: ZDeadlines } }, config: { policy: 'admission.read' } },
    async (req) => getDeadlines(db, actorContextOf(req), req.query),
  );

  r.get(
    '/api/admissions/quality',
    { schema: { tags, querystring: ZQualityQuery, response: { 200: ZQuality } }, config: { policy: 'admission.read' } },
    async (req) => getQuality(db, actorContextOf(req), req.query),
  );

  r.get(
    '/api/admissions/:id',
    { schema: { tags, params: ZIdParams, response: detail }, config: { policy: 'admission.read' } },
    async (req) => service.getCase(db, actorContextOf(req), req.params.id),
  );

  r.get(
    '/api/admissions/:id/roll',
    { schema: { tags, params: ZIdParams, querystring: ZRollQuery, response: { 200: ZRoll } }, config: { policy: 'admission.read' } },
    async (req) => service.getRoll(db, actorContextOf(req), req.params.id, req.query.date),
  );

  // ---- the file and its facts (admission.manage)

  r.patch(
    '/api/admissions/:id/file',
    { schema: { tags, params: ZIdParams, body: ZUpdateAdmissionFile, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.updateFile(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/verifications',
    { schema: { tags, params: ZIdParams, body: ZAddVerification, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.addVerification(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/verifications/:itemId/result',
    { schema: { tags, params: z.object({ id: ZId, itemId: ZId }), body: ZRecordVerificationResult, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.recordVerificationResult(db, actorContextOf(req), req.params.id, req.params.itemId, req.body),
  );

  r.post(
    '/api/admissions/:id/introducers',
    { schema: { tags, params: ZIdParams, body: ZAddIntroducer, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.addIntroducer(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/opinions',
    { schema: { tags, params: ZIdParams, body: ZAddOpinion, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.addOpinion(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/helpers',
    { schema: { tags, params: ZIdParams, body: ZAssignProbationHelper, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.assignProbationHelper(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/facts/remove',
    { schema: { tags, params: ZIdParams, body: ZRemoveFact, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.removeFact(db, actorContextOf(req), req.params.id, req.body),
  );

  // ---- steps

  r.post(
    '/api/admissions/:id/steps/complete',
    { schema: { tags, params: ZIdParams, body: ZCompleteStep, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.completeStep(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/cell-resolution',
    { schema: { tags, params: ZIdParams, body: ZCellResolution, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.recordCellResolution(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/grassroots-resolution',
    { schema: { tags, params: ZIdParams, body: ZGrassrootsResolution, response: detail }, config: { policy: 'admission.decide' } },
    async (req) => service.recordGrassrootsResolution(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/decision-extension',
    { schema: { tags, params: ZIdParams, body: ZDecisionExtension, response: detail }, config: { policy: 'admission.decide' } },
    async (req) => service.extendDecision(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/decision',
    { schema: { tags, params: ZIdParams, body: ZAdmissionDecision, response: detail }, config: { policy: 'admission.decide' } },
    async (req) => service.recordDecision(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/ceremony',
    { schema: { tags, params: ZIdParams, body: ZCeremony, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.recordCeremony(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/end-probation',
    { schema: { tags, params: ZIdParams, body: ZEndProbation, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.endProbationStep(db, actorContextOf(req), req.params.id, req.body.version),
  );

  r.post(
    '/api/admissions/:id/recognition-vote',
    { schema: { tags, params: ZIdParams, body: ZRecognitionVote, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.recordRecognitionVote(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/recognition-extension',
    { schema: { tags, params: ZIdParams, body: ZDecisionExtension, response: detail }, config: { policy: 'admission.decide' } },
    async (req) => service.extendRecognitionDecision(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/recognition-decision',
    { schema: { tags, params: ZIdParams, body: ZRecognitionDecision, response: detail }, config: { policy: 'admission.decide' } },
    async (req) => service.recordRecognitionDecision(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/admissions/:id/refuse',
    { schema: { tags, params: ZIdParams, body: ZRefuseCase, response: detail }, config: { policy: 'admission.manage' } },
    async (req) => service.refuseCase(db, actorContextOf(req), req.params.id, req.body),
  );

  // ---- documents

  // multipart/form-data with one field 'file' (PDF, JPEG or PNG by its magic bytes, at most 10 MB); step and kind in the query.
  r.post(
    '/api/admissions/:id/documents',
    { schema: { tags, params: ZIdParams, querystring: ZUploadQuery }, config: { policy: 'admission.manage' } },
    async (req, reply) => {
      const ctx = actorContextOf(req);
      await assertCaseInScope(db, ctx, req.params.id);
      if (!req.isMultipart()) throw fieldError('file', 'file_required');
      const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!part) throw fieldError('file', 'file_required');
      let buffer: Buffer;
      try {
        buffer = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError('file', 'file_too_large', { maxBytes: MAX_UPLOAD_BYTES });
        throw err;
      }
      return reply.code(201).send(await uploadDocument(db, ctx, req.params.id, req.query, { filename: part.filename, buffer }));
    },
  );

  r.get(
    '/api/admissions/:id/documents/:documentId',
    { schema: { tags, params: ZDocumentParams }, config: { policy: 'admission.read' } },
    async (req, reply) => {
      const f = await downloadDocument(db, actorContextOf(req), req.params.id, req.params.documentId);
      return reply.type(f.mime).header('x-content-type-options', 'nosniff').header('content-disposition', attachmentHeader(f.fileName)).send(f.buffer);
    },
  );

  r.get(
    '/api/admissions/:id/word/:document',
    { schema: { tags, params: ZGeneratedParams }, config: { policy: 'admission.read' } },
    async (req, reply) => {
      const f = await generateDocument(db, actorContextOf(req), req.params.id, req.params.document);
      return reply.type(DOCX_MIME).header('content-disposition', attachmentHeader(f.fileName)).send(f.buffer);
    },
  );
}
