import { z } from 'zod';
import { ZRole } from './auth.contract.ts';
import { ZId, ZPageQuery, ZVersion, zPage, zRequiredText } from './common.contract.ts';

/** Usernames are stored lower-case; typed capitals are folded rather than refused. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
export const ZUsername = z
  .string()
  .trim()
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(USERNAME_PATTERN, { message: 'username_format' }));

/** Password length bounds of security.md item 8; the strength check itself runs on the server. */
export const ZNewPassword = z.string().min(8).max(128);

export const ZUserListQuery = ZPageQuery.extend({
  /** Part of a username or display name. */
  q: z.string().trim().max(100).optional(),
  role: ZRole.optional(),
  /** Accounts of this organization and its subtree. */
  organizationId: ZId.optional(),
  state: z.enum(['all', 'active', 'disabled', 'locked']).default('all'),
});
export type UserListQuery = z.infer<typeof ZUserListQuery>;

export const ZUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: ZRole,
  organization: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
  /** The person behind a member account (self-service), when linked. */
  person: z.object({ id: z.number().int(), fullName: z.string() }).nullable(),
  isDisabled: z.boolean(),
  /** Locked after repeated login failures until `lockedUntil` (UTC instant). */
  isLocked: z.boolean(),
  lockedUntil: z.string().nullable(),
  failedCount: z.number().int(),
  /** UTC instant of the last successful login. */
  lastLoginAt: z.string().nullable(),
  /** Has a confirmed TOTP second factor (the secret itself never leaves the server after enrolment). */
  totpEnrolled: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof ZUser>;

export const ZUserList = zPage(ZUser);
export type UserList = z.infer<typeof ZUserList>;

// Strict objects: a body naming a field the route does not take (a password on PUT, a lock counter) is refused, not ignored.
export const ZCreateUser = z.strictObject({
  username: ZUsername,
  displayName: zRequiredText(120),
  role: ZRole,
  organizationId: ZId,
  /** Required for the 'member' role: the member whose own record the account sees. */
  personId: ZId.nullable().optional().transform((v) => v ?? null),
  /** Omitted → a random password is generated and returned once. */
  password: ZNewPassword.optional(),
});
export type CreateUserInput = z.input<typeof ZCreateUser>;

export const ZUpdateUser = z.strictObject({
  displayName: zRequiredText(120),
  role: ZRole,
  organizationId: ZId,
  personId: ZId.nullable().optional().transform((v) => v ?? null),
  isDisabled: z.boolean(),
  version: ZVersion,
});
export type UpdateUserInput = z.input<typeof ZUpdateUser>;

/** A response that carries a password shown to the administrator once and never stored in clear. */
export const ZUserWithPassword = z.object({
  user: ZUser,
  /** Null when the administrator chose the password. */
  oneTimePassword: z.string().nullable(),
});
export type UserWithPassword = z.infer<typeof ZUserWithPassword>;
