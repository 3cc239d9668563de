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

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(8).max(128),
});

export const ZOk = z.object({ ok: z.literal(true) });
