import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorBody, type ErrorCode, type FieldIssue } from '../../common/errors.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  WEAK_PASSWORD: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  MFA_REQUIRED: 401,
  MFA_ENROLLMENT_REQUIRED: 401,
  INVALID_TOTP_CODE: 401,
  TOTP_ALREADY_ENROLLED: 409,
  TOTP_ENROLLMENT_NOT_STARTED: 409,
  FORBIDDEN: 403,
  FOREIGN_ORIGIN: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_CITIZEN_ID: 409,
  DUPLICATE_CARD_NUMBER: 409,
  DUPLICATE_HISTORY_NUMBER: 409,
  DUPLICATE_ORGANIZATION_CODE: 409,
  DUPLICATE_USERNAME: 409,
  PAYMENT_ALREADY_REVERSED: 409,
  REMITTANCE_ALREADY_RECEIVED: 409,
  DUPLICATE_CERTIFICATE_NUMBER: 409,
  ALREADY_ENROLLED: 409,
  CANDIDATE_ALREADY_OPEN: 409,
  ADMISSION_CASE_ALREADY_OPEN: 409,
  GRADING_CYCLE_EXISTS: 409,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 422;
}

export function sendError(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, params?: Record<string, unknown>, fields?: FieldIssue[]) {
  const body: ErrorBody = { error: { code, requestId: req.id } };
  if (params && Object.keys(params).length) body.error.params = params;
  if (fields && fields.length) body.error.fields = fields;
  return reply.code(statusOf(code)).header('cache-control', 'no-store').send(body);
}

/** One handler maps codes to HTTP status and hides 5xx details (architecture principle 4). */
export function installErrorHandler(app: FastifyInstance, onRefused: (req: FastifyRequest, code: ErrorCode) => Promise<void>) {
  app.setErrorHandler(async (err: FastifyError | DomainError, req, reply) => {
    if (err instanceof DomainError) {
      if (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN') await onRefused(req, err.code);
      return sendError(reply, req, err.code, err.params, err.fields);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        code: String((v.params as { issue?: { code?: string } })?.issue?.code ?? v.keyword ?? 'invalid'),
      }));
      return sendError(reply, req, 'VALIDATION', {}, fields);
    }
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return sendError(reply, req, 'RATE_LIMITED');
    if (fe.statusCode && fe.statusCode < 500) {
      // Malformed JSON, body too large, unsupported media type: the client's fault, said without internals.
      return reply.code(fe.statusCode).header('cache-control', 'no-store').send({ error: { code: 'VALIDATION', requestId: req.id, params: { reason: fe.code } } });
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(reply, req, 'INTERNAL');
  });
}
