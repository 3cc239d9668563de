import { z } from 'zod';

/** Roles of domain.md ("Users and roles"). */
export const ROLES = [
  'admin',
  'organization_officer',
  'committee_member',
  'cell_secretary',
  'inspection_officer',
  'training_officer',
  'front_officer',
  'member',
] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const ZMe = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  organization: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  personId: z.number().int().nullable(),
  memberId: z.number().int().nullable(),
});
export type Me = z.infer<typeof ZMe>;

/**
 * The answer to a correct password when a second step remains (security.md "Passwords", item 9): the session
 * cookie set with it reaches only POST /api/auth/totp ('mfaRequired') or the enrolment routes ('mfaEnrollmentRequired').
 */
export const ZMfaStep = z.union([
  z.object({ mfaRequired: z.literal(true) }),
  z.object({ mfaEnrollmentRequired: z.literal(true) }),
]);
export type MfaStep = z.infer<typeof ZMfaStep>;

export const ZLoginResponse = z.union([ZMe, ZMfaStep]);
export type LoginResponse = z.infer<typeof ZLoginResponse>;

/** Six digits from the authenticator app; spaces typed or pasted in between are dropped. */
export const ZTotpCodeRequest = z.object({
  code: z
    .string()
    .max(16)
    .transform((s) => s.replace(/\s/g, '')),
});

/** Returned once when enrolment starts, never again: the secret as text, the otpauth:// URI and its QR code (SVG). */
export const ZTotpEnrollment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export type TotpEnrollment = z.infer<typeof ZTotpEnrollment>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(8).max(128),
});

export const ZOk = z.object({ ok: z.literal(true) });
