import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZCancelTransfer,
  ZConfirmReceipt,
  ZDueDates,
  ZDueDatesQuery,
  ZIssueTransfer,
  ZMemberOptionsQuery,
  ZMemberOptionsSearchBody,
  ZMemberTransfers,
  ZRecordReturn,
  ZRegisterIncoming,
  ZTransferDestinations,
  ZTransferDetail,
  ZTransferList,
  ZTransferListQuery,
  ZTransferMemberOptions,
  ZTransferSearchBody,
} from '../../../common/contracts/transfers.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { refuseCitizenIdInUrl } from '../../http/citizen-id-in-url.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { attachmentHeader, DOCX_MIME } from '../documents/party-document.ts';
import { generateLetter } from './transfers.letter.ts';
import {
  cancelTransfer,
  confirmReceipt,
  getTransfer,
  issueTransfer,
  listDestinations,
  listMemberOptions,
  listMemberTransfers,
  listTransfers,
  previewDueDates,
  recordReturn,
  registerIncoming,
} from './transfers.service.ts';

const tags = ['transfers'];
const read = { policy: 'transfer.read' } as const;
const manage = { policy: 'transfer.manage' } as const;
const detail = { 200: ZTransferDetail };

// Transfers of party activity (R-MGT-05, R-MGT-06). Reads: the sending side, the receiving side once a letter is
// addressed to it, the organization above both, and the member (own transfers). Steps: 'transfer.manage', and the
// service checks the side (the receiving side confirms receipt; the sending side cancels and records returns).
export function registerTransferRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // q searches persons' and members' search_text (name, citizen id, card number): a citizen id is refused in the URL
  // and taken by the POST twin (security.md item 25), same policy entry, same service function.
  r.get(
    '/api/transfers',
    { schema: { tags, querystring: ZTransferListQuery, response: { 200: ZTransferList } }, config: read, preHandler: refuseCitizenIdInUrl },
    async (req) => listTransfers(db, actorContextOf(req), req.query),
  );
  r.post('/api/transfers/search', { schema: { tags, body: ZTransferSearchBody, response: { 200: ZTransferList } }, config: read }, async (req) =>
    listTransfers(db, actorContextOf(req), req.body),
  );

  r.get('/api/transfers/due-dates', { schema: { tags, querystring: ZDueDatesQuery, response: { 200: ZDueDates } }, config: manage }, async (req) =>
    previewDueDates(db, req.query),
  );

  r.get(
    '/api/transfers/member-options',
    { schema: { tags, querystring: ZMemberOptionsQuery, response: { 200: ZTransferMemberOptions } }, config: manage, preHandler: refuseCitizenIdInUrl },
    async (req) => listMemberOptions(db, actorContextOf(req), req.query),
  );
  r.post(
    '/api/transfers/member-options/search',
    { schema: { tags, body: ZMemberOptionsSearchBody, response: { 200: ZTransferMemberOptions } }, config: manage },
    async (req) => listMemberOptions(db, actorContextOf(req), req.body),
  );

  r.get('/api/transfers/destinations', { schema: { tags, response: { 200: ZTransferDestinations } }, config: manage }, async () => listDestinations(db));

  r.get('/api/transfers/:id', { schema: { tags, params: ZIdParams, response: detail }, config: read }, async (req) =>
    getTransfer(db, actorContextOf(req), req.params.id),
  );

  r.get('/api/transfers/:id/letter.docx', { schema: { tags, params: ZIdParams }, config: read }, async (req, reply) => {
    const { fileName, buffer } = await generateLetter(db, actorContextOf(req), req.params.id);
    return reply.header('content-type', DOCX_MIME).header('content-disposition', attachmentHeader(fileName)).send(buffer);
  });

  r.get('/api/members/:id/transfers', { schema: { tags, params: ZIdParams, response: { 200: ZMemberTransfers } }, config: read }, async (req) =>
    listMemberTransfers(db, actorContextOf(req), req.params.id),
  );

  r.post('/api/transfers', { schema: { tags, body: ZIssueTransfer, response: { 201: ZTransferDetail } }, config: manage }, async (req, reply) =>
    reply.code(201).send(await issueTransfer(db, actorContextOf(req), req.body)),
  );

  r.post('/api/transfers/incoming', { schema: { tags, body: ZRegisterIncoming, response: { 201: ZTransferDetail } }, config: manage }, async (req, reply) =>
    reply.code(201).send(await registerIncoming(db, actorContextOf(req), req.body)),
  );

  r.post('/api/transfers/:id/receipt', { schema: { tags, params: ZIdParams, body: ZConfirmReceipt, response: detail }, config: manage }, async (req) =>
    confirmReceipt(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post('/api/transfers/:id/cancel', { schema: { tags, params: ZIdParams, body: ZCancelTransfer, response: detail }, config: manage }, async (req) =>
    cancelTransfer(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post('/api/transfers/:id/return', { schema: { tags, params: ZIdParams, body: ZRecordReturn, response: detail }, config: manage }, async (req) =>
    recordReturn(db, actorContextOf(req), req.params.id, req.body),
  );
}
