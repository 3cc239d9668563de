import { z } from 'zod';
import { ZPageQuery, zPage } from './common.contract.ts';

export const ZAuditQuery = ZPageQuery.extend({
  action: z.string().max(80).optional(),
  username: z.string().max(64).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  objectType: z.string().max(40).optional(),
  objectId: z.string().max(40).optional(),
});

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  organizationId: z.number().int().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.string(),
  changedFields: z.array(z.string()).nullable(),
});
export const ZAuditList = zPage(ZAuditEntry);

export const ZAuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  reason: z.enum(['prev_hash', 'hash']).nullable(),
});
