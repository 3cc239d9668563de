import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  MINUTES_FILE_MAX_BYTES,
  ZCellMeetings,
  ZComplianceQuery,
  ZComplianceView,
  ZCreateMeeting,
  ZMeetingDetail,
  ZMinutesFileQuery,
  ZPlanMeetings,
  ZPlanResult,
  ZSaveAttendance,
  ZUpdateMeeting,
  ZYearQuery,
} from '../../../common/contracts/meetings.contract.ts';
import { ZMemberPartyLife } from '../../../common/contracts/party-life.contract.ts';
import { fieldError } from '../../../common/errors.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import {
  createMeeting,
  getComplianceView,
  getMeeting,
  getMinutesFile,
  listCellMeetings,
  planMeetings,
  saveAttendance,
  updateMeeting,
  uploadMinutesFile,
  type UploadedFile,
} from './meetings.service.ts';
import { getMemberPartyLife } from './member-party-life.service.ts';

const tags = ['meetings'];
const detail = { 200: ZMeetingDetail };

/** RFC 6266/5987: a Vietnamese file name survives in filename*, with an ASCII fallback. */
function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// Cell meetings and attendance (R-MGT-03), the organization above's compliance view, and a member's party life.
// Reads are 'meeting.read' (a member, 'self', reaches only their own party life: every cell or meeting id is 404).
export function registerMeetingRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/organizations/:id/meetings',
    { schema: { tags, params: ZIdParams, querystring: ZYearQuery, response: { 200: ZCellMeetings } }, config: { policy: 'meeting.read' } },
    async (req) => listCellMeetings(db, actorContextOf(req), req.params.id, req.query.year),
  );

  r.post(
    '/api/organizations/:id/meetings',
    { schema: { tags, params: ZIdParams, body: ZCreateMeeting, response: { 201: ZMeetingDetail } }, config: { policy: 'meeting.manage' } },
    async (req, reply) => reply.code(201).send(await createMeeting(db, actorContextOf(req), req.params.id, req.body)),
  );

  r.post(
    '/api/organizations/:id/meetings/plan',
    { schema: { tags, params: ZIdParams, body: ZPlanMeetings, response: { 200: ZPlanResult } }, config: { policy: 'meeting.manage' } },
    async (req) => planMeetings(db, actorContextOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/organizations/:id/meeting-compliance',
    { schema: { tags, params: ZIdParams, querystring: ZComplianceQuery, response: { 200: ZComplianceView } }, config: { policy: 'meeting.read' } },
    async (req) => getComplianceView(db, actorContextOf(req), req.params.id, req.query),
  );

  r.get(
    '/api/meetings/:id',
    { schema: { tags, params: ZIdParams, response: detail }, config: { policy: 'meeting.read' } },
    async (req) => getMeeting(db, actorContextOf(req), req.params.id),
  );

  r.put(
    '/api/meetings/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateMeeting, response: detail }, config: { policy: 'meeting.manage' } },
    async (req) => updateMeeting(db, actorContextOf(req), req.params.id, req.body),
  );

  r.put(
    '/api/meetings/:id/attendance',
    { schema: { tags, params: ZIdParams, body: ZSaveAttendance, response: detail }, config: { policy: 'meeting.manage' } },
    async (req) => saveAttendance(db, actorContextOf(req), req.params.id, req.body),
  );

  // multipart/form-data with one field 'file'; the meeting's version in the query (compare-and-set).
  r.post(
    '/api/meetings/:id/minutes-file',
    { schema: { tags, params: ZIdParams, querystring: ZMinutesFileQuery, response: detail }, config: { policy: 'meeting.manage' } },
    async (req) => {
      const readFile = async (): Promise<UploadedFile> => {
        if (!req.isMultipart()) throw fieldError('file', 'file_required');
        const part = await req.file({ limits: { fileSize: MINUTES_FILE_MAX_BYTES, files: 1 } });
        if (!part) return null;
        try {
          return { fileName: part.filename, data: await part.toBuffer() };
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError('file', 'file_too_large', { maxBytes: MINUTES_FILE_MAX_BYTES });
          throw err;
        }
      };
      return uploadMinutesFile(db, actorContextOf(req), req.params.id, req.query.version, readFile);
    },
  );

  r.get(
    '/api/meetings/:id/minutes-file',
    { schema: { tags, params: ZIdParams }, config: { policy: 'meeting.read' } },
    async (req, reply) => {
      const f = await getMinutesFile(db, actorContextOf(req), req.params.id);
      return reply.type(f.mimeType).header('content-disposition', contentDisposition(f.fileName)).send(f.data);
    },
  );

  r.get(
    '/api/members/:id/party-life',
    { schema: { tags, params: ZIdParams, response: { 200: ZMemberPartyLife } }, config: { policy: 'meeting.read' } },
    async (req) => getMemberPartyLife(db, actorContextOf(req), req.params.id),
  );
}
