import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { lockAuditChain } from '../../db/dialect.ts';
import type { RequestContext } from '../../http/actor.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  action: string;
  objectType?: string | null;
  objectId?: string | number | null;
  outcome?: AuditOutcome;
  /** Names of the fields that changed (values are never logged: they may be sensitive). */
  changedFields?: string[] | null;
  /** For events without a logged-in actor (a failed login names the username tried). */
  username?: string | null;
}

type Entry = Omit<Database['audit_log'], 'id' | 'prev_hash' | 'hash'>;

/** canonical_json: keys sorted, no whitespace (security.md, Audit). */
export function canonicalJson(entry: Entry): string {
  const keys = Object.keys(entry).sort() as (keyof Entry)[];
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(entry[k] ?? null)}`).join(',')}}`;
}

/** h_i = SHA-256(h_{i-1} || canonical_json(entry_i)). */
export function chainHash(prevHash: string, entry: Entry): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');
}

/** Appends one audit row; call inside the transaction of the change it records. */
export async function appendAudit(trx: Kysely<Database>, ctx: RequestContext, ev: AuditEvent): Promise<void> {
  await lockAuditChain(trx);
  const head = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prev = head?.hash ?? GENESIS_HASH;
  const a = ctx.actor;
  const entry: Entry = {
    at: ctx.now.toISOString(),
    user_id: a?.userId ?? null,
    username: a?.username ?? ev.username ?? null,
    role: a?.role ?? null,
    organization_id: a?.organizationId ?? null,
    request_id: ctx.requestId,
    action: ev.action,
    object_type: ev.objectType ?? null,
    object_id: ev.objectId == null ? null : String(ev.objectId),
    outcome: ev.outcome ?? 'success',
    changed_fields: ev.changedFields ? JSON.stringify(ev.changedFields) : null,
  };
  await trx.insertInto('audit_log').values({ ...entry, prev_hash: prev, hash: chainHash(prev, entry) }).execute();
}

/** Appends outside any other work (failed logins, refused access): its own transaction. */
export function appendAuditAlone(db: Kysely<Database>, ctx: RequestContext, ev: AuditEvent): Promise<void> {
  return db.transaction().execute((trx) => appendAudit(trx, ctx, ev));
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: 'prev_hash' | 'hash' | null;
}

/** Walks the chain in id order; names the first row whose link or content does not verify. */
export async function verifyAuditChain(db: Kysely<Database>, batch = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(batch).execute();
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null, reason: null };
    for (const r of rows) {
      const { id, prev_hash, hash, ...entry } = r;
      if (prev_hash !== prev) return { ok: false, checked, firstBrokenId: id, reason: 'prev_hash' };
      if (chainHash(prev, entry) !== hash) return { ok: false, checked, firstBrokenId: id, reason: 'hash' };
      prev = hash;
      lastId = id;
      checked++;
    }
  }
}
