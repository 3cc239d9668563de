/** Error codes the API returns; the web maps each to Vietnamese and English text (web/i18n). Codes, never sentences. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'FOREIGN_ORIGIN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'WEAK_PASSWORD',
  /** The session has passed the password and awaits the TOTP code (POST /api/auth/totp). */
  'MFA_REQUIRED',
  /** An official without a TOTP factor where MFA=required: only enrolment is reachable. */
  'MFA_ENROLLMENT_REQUIRED',
  'INVALID_TOTP_CODE',
  'TOTP_ALREADY_ENROLLED',
  'TOTP_ENROLLMENT_NOT_STARTED',
  'RATE_LIMITED',
  'RULE_VIOLATION',
  'DUPLICATE_CITIZEN_ID',
  'DUPLICATE_CARD_NUMBER',
  'DUPLICATE_HISTORY_NUMBER',
  'DUPLICATE_ORGANIZATION_CODE',
  'DUPLICATE_USERNAME',
  'INVALID_ORGANIZATION_PARENT',
  'ORGANIZATION_NOT_ACTIVE',
  'ORGANIZATION_HAS_CHILDREN',
  'ORGANIZATION_HAS_MEMBERS',
  'MEMBER_NOT_ACTIVE',
  'INVALID_STATUS_TRANSITION',
  'HELPER_NOT_OFFICIAL_MEMBER',
  'CANDIDATE_ALREADY_OPEN',
  'PERSON_IS_MEMBER',
  'ALREADY_ENROLLED',
  'DUPLICATE_CERTIFICATE_NUMBER',
  'LEARNER_NOT_PASSED',
  'CERTIFICATE_ALREADY_ISSUED',
  'ADMISSION_CASE_ALREADY_OPEN',
  'PAYMENT_ALREADY_REVERSED',
  'REMITTANCE_ALREADY_RECEIVED',
  'GRADING_CYCLE_EXISTS',
  'GRADING_PHASE',
  'GRADING_INCOMPLETE',
  'GRADING_LOCKED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    params?: Record<string, unknown>;
    fields?: FieldIssue[];
    requestId?: string;
  };
}

/** A refusal the user can understand: a code, the rule id when one applies, and the facts. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldIssue[] = [],
  ) {
    super(code);
  }
}

export function fieldError(path: string, code: string, params?: Record<string, unknown>): DomainError {
  return new DomainError('VALIDATION', {}, [{ path, code, params }]);
}
