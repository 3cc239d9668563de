import type { z } from 'zod';
import type { ZAuditList, ZAuditQuery } from '../../../common/contracts/audit.contract.ts';
import type { Db } from '../../db/create-db.ts';
import { toNumber } from '../../db/dialect.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { subtreePattern } from '../../policy/scope.ts';

/** Audit entries of the actor's subtree, newest first; entries without an organization (unknown usernames) only for a root organization. */
export async function listAuditEntries(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  q: z.infer<typeof ZAuditQuery>,
): Promise<z.infer<typeof ZAuditList>> {
  const isRoot = ctx.actor.orgPath.split('/').filter(Boolean).length === 1;
  let base = db
    .selectFrom('audit_log')
    .leftJoin('organizations', 'organizations.id', 'audit_log.organization_id')
    .where((eb) =>
      isRoot
        ? eb.or([eb('organizations.path', 'like', subtreePattern(ctx.actor.orgPath)), eb('audit_log.organization_id', 'is', null)])
        : eb('organizations.path', 'like', subtreePattern(ctx.actor.orgPath)),
    );
  if (q.action) base = base.where('audit_log.action', '=', q.action);
  if (q.username) base = base.where('audit_log.username', '=', q.username.toLowerCase());
  if (q.outcome) base = base.where('audit_log.outcome', '=', q.outcome);
  if (q.objectType) base = base.where('audit_log.object_type', '=', q.objectType);
  if (q.objectId) base = base.where('audit_log.object_id', '=', q.objectId);
  const [rows, count] = await Promise.all([
    base
      .selectAll('audit_log')
      .orderBy('audit_log.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      username: r.username,
      role: r.role,
      organizationId: r.organization_id,
      requestId: r.request_id,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      outcome: r.outcome,
      changedFields: r.changed_fields ? (JSON.parse(r.changed_fields) as string[]) : null,
    })),
    total: toNumber(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}
