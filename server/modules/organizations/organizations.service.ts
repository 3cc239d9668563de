import {
  type Authority,
  type ChangeAuthorityInput,
  type CreateOrganizationInput,
  type DissolveOrganizationInput,
  type MergeOrganizationsInput,
  type MoveOrganizationInput,
  type OrganizationDetail,
  type OrganizationEventKind,
  type OrganizationKind,
  type OrganizationNode,
  type OrganizationRef,
  type RenameOrganizationInput,
  type SplitOrganizationInput,
  type TreeResponse,
  ZAuthority,
  ZOrganizationEventKind,
  ZOrganizationKind,
} from '../../../common/contracts/organizations.contract.ts';
import { DomainError, type FieldIssue } from '../../../common/errors.ts';
import { todayInVietnam } from '../../../common/rules/iso-date.ts';
import {
  ancestorIdsOfPath,
  canBeParentOf,
  canHoldMembers,
  checkEffectiveDate,
  checkPlacement,
  childPath,
  competentBodiesFor,
  isSelfOrDescendantPath,
  orderAsTree,
  selectVersionsAsOf,
} from '../../../common/rules/organization-tree.ts';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import { isUniqueViolation, lockAuditChain } from '../../db/dialect.ts';
import type { Actor, RequestContext } from '../../http/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { handOverOpenFlags } from '../screening/screening.handover.ts';
import * as repo from './organizations.repo.ts';

type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<Database>;
type Decided = { effectiveDate: string; decisionRef: string | null; note: string | null };

const NO_AUTHORITY: Authority = { admission: false, recognition: false, removal: false };

/** Authority is JSON text (principle 9), parsed by Zod; unreadable text grants nothing. */
function authorityOf(text: string): Authority {
  try {
    return ZAuthority.parse(JSON.parse(text));
  } catch {
    return NO_AUTHORITY;
  }
}

const kindOf = (s: string): OrganizationKind => ZOrganizationKind.parse(s);
const refOf = (o: { id: number; code: string; name: string; kind: string }): OrganizationRef => ({
  id: o.id,
  code: o.code,
  name: o.name,
  kind: kindOf(o.kind),
});

function invalid(...issues: (FieldIssue | null)[]): never {
  throw new DomainError('VALIDATION', {}, issues.filter((i): i is FieldIssue => i !== null));
}

function checkDate(effectiveDate: string, facts: Parameters<typeof checkEffectiveDate>[1]) {
  const issue = checkEffectiveDate(effectiveDate, facts);
  if (issue) invalid(issue);
}

// ---------------------------------------------------------------- reads

/** The tree on `asOf` (default: today in Vietnam) within the actor's scope, in display order. */
export async function getTree(db: Db, ctx: Ctx, asOf?: string): Promise<TreeResponse> {
  const date = asOf ?? todayInVietnam(ctx.now);
  const rows = await repo.listTreeAsOf(db, ctx.actor, date);
  // The SQL already keeps the versions valid on the date; this also guarantees one node per organization.
  const versions = selectVersionsAsOf(
    rows.map((r) => ({ ...r, organizationId: r.organization_id, validFrom: r.version_valid_from, validTo: r.version_valid_to })),
    date,
  );
  const nodes: OrganizationNode[] = versions.map((r) => ({
    id: r.organization_id,
    code: r.code,
    kind: kindOf(r.kind),
    name: r.name,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    authority: authorityOf(r.authority),
    memberCount: Number(r.member_count ?? 0),
  }));
  return { asOf: date, nodes: orderAsTree(nodes) };
}

/** One organization within scope (else NOT_FOUND: no bytes of it), with its history, lineage and competent bodies. */
export async function getOrganization(db: Db, ctx: Ctx, id: number): Promise<OrganizationDetail> {
  const org = await repo.findOrganizationInScope(db, ctx.actor, id);
  if (!org) throw new DomainError('NOT_FOUND');
  const today = todayInVietnam(ctx.now);
  const ancestorIds = ancestorIdsOfPath(org.path);
  const [ancestors, children, versions, events, chain, memberCount] = await Promise.all([
    repo.findOrganizationsInScope(db, ctx.actor, ancestorIds),
    repo.listActiveChildrenInScope(db, ctx.actor, id),
    repo.listVersions(db, id),
    repo.listEventsOf(db, id),
    repo.ancestorChainAsOf(db, id, today),
    repo.countActiveMembersInScope(db, ctx.actor, id),
  ]);
  const links = await repo.listEventLinks(
    db,
    events.map((e) => e.id),
  );
  const linked = (eventId: number, role: string) => links.filter((l) => l.event_id === eventId && l.role === role).map(refOf);
  const bodies = competentBodiesFor(chain.map((c) => ({ ...c, authority: authorityOf(c.authority) })));
  const bodyRef = (c: { organization_id: number; code: string; name: string; kind: string } | null) => (c ? refOf({ id: c.organization_id, code: c.code, name: c.name, kind: c.kind }) : null);
  const order = new Map(ancestorIds.map((a, i) => [a, i]));
  return {
    id: org.id,
    code: org.code,
    kind: kindOf(org.kind),
    name: org.name,
    parentId: org.parent_id,
    validFrom: org.valid_from,
    validTo: org.valid_to,
    authority: authorityOf(org.authority),
    memberCount,
    version: org.version,
    path: ancestors.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map(refOf),
    children: children.map(refOf),
    history: versions.map((v) => ({
      kind: kindOf(v.kind),
      name: v.name,
      parentId: v.parent_id,
      parentName: v.parent_id === null ? null : (v.parent_name_then ?? v.parent_name_now ?? null),
      authority: authorityOf(v.authority),
      validFrom: v.valid_from,
      validTo: v.valid_to,
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: ZOrganizationEventKind.parse(e.kind),
      effectiveDate: e.effective_date,
      decisionRef: e.decision_ref,
      note: e.note,
      predecessors: linked(e.id, 'predecessor'),
      successors: linked(e.id, 'successor'),
      subjects: linked(e.id, 'subject'),
    })),
    competentBodies: {
      admission: bodyRef(bodies.admission),
      recognition: bodyRef(bodies.recognition),
      removal: bodyRef(bodies.removal),
    },
  };
}

// ---------------------------------------------------------------- changes

/**
 * One transaction per change. Tree changes take the audit-chain lock first (every audited write takes it before
 * committing anyway), so on PostgreSQL two changes never interleave: a move's path rewrite cannot miss a child
 * created meanwhile, and two moves cannot build a cycle. The compare-and-set on `version` still catches stale clients.
 */
async function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      await lockAuditChain(trx);
      return work(trx);
    });
  } catch (err) {
    const unique = err instanceof DomainError ? null : isUniqueViolation(err);
    if (unique && /code/.test(`${unique.constraint ?? ''} ${unique.detail ?? ''}`)) throw new DomainError('DUPLICATE_ORGANIZATION_CODE');
    throw err;
  }
}

/** An active organization in scope with its open version; NOT_FOUND outside scope, CONFLICT on a stale version. */
async function loadForChange(trx: Trx, actor: Actor, id: number, expectedVersion?: number, field?: string) {
  const org = await repo.findOrganizationInScope(trx, actor, id);
  if (!org) throw new DomainError('NOT_FOUND', {}, field ? [{ path: field, code: 'not_found' }] : []);
  if (org.valid_to !== null) throw new DomainError('ORGANIZATION_NOT_ACTIVE', { id: org.id, validTo: org.valid_to });
  if (expectedVersion !== undefined && org.version !== expectedVersion) {
    throw new DomainError('CONFLICT', { id: org.id, version: org.version });
  }
  const current = await repo.findCurrentVersion(trx, id);
  if (!current) throw new Error(`organization ${id} has no open version`);
  return { org, current };
}

/** Authority, dissolution, split and merger of an organization are decided by its superior, not by itself. */
function refuseOwnOrganization(actor: Actor, id: number) {
  if (actor.organizationId === id) throw new DomainError('FORBIDDEN', { reason: 'own_organization' });
}

async function compareAndSet(trx: Trx, id: number, version: number, patch: Parameters<typeof repo.updateOrganizationIfVersion>[3]) {
  if (!(await repo.updateOrganizationIfVersion(trx, id, version, patch))) throw new DomainError('CONFLICT', { id });
}

async function recordEvent(
  trx: Trx,
  ctx: Ctx,
  kind: OrganizationEventKind,
  input: Decided,
  links: { organizationId: number; role: 'subject' | 'predecessor' | 'successor' }[],
): Promise<number> {
  const eventId = await repo.insertEvent(trx, {
    kind,
    effective_date: input.effectiveDate,
    decision_ref: input.decisionRef,
    note: input.note,
    actor_user_id: ctx.actor.userId,
    created_at: ctx.now.toISOString(),
  });
  await repo.insertEventLinks(
    trx,
    links.map((l) => ({ event_id: eventId, organization_id: l.organizationId, role: l.role })),
  );
  return eventId;
}

/** Ends the open version on the effective date and opens the next one from it. */
async function supersedeVersion(
  trx: Trx,
  current: repo.VersionRow,
  next: Partial<Pick<repo.VersionRow, 'kind' | 'name' | 'parent_id' | 'authority'>>,
  effectiveDate: string,
  eventId: number,
) {
  await repo.closeCurrentVersion(trx, current.organization_id, effectiveDate);
  await repo.insertVersion(trx, {
    organization_id: current.organization_id,
    kind: next.kind ?? current.kind,
    name: next.name ?? current.name,
    parent_id: next.parent_id !== undefined ? next.parent_id : current.parent_id,
    authority: next.authority ?? current.authority,
    valid_from: effectiveDate,
    valid_to: null,
    event_id: eventId,
  });
}

/** A new organization from `effectiveDate` (projection row + first version). */
async function insertNewOrganization(
  trx: Trx,
  ctx: Ctx,
  o: { kind: OrganizationKind; name: string; code: string; authority: Authority },
  parent: { id: number; path: string },
  effectiveDate: string,
  eventId: number | null,
) {
  if (await repo.findOrganizationByCode(trx, o.code)) throw new DomainError('DUPLICATE_ORGANIZATION_CODE', { code: o.code });
  const authority = JSON.stringify(o.authority);
  const created = await repo.insertOrganization(
    trx,
    {
      code: o.code,
      kind: o.kind,
      name: o.name,
      parent_id: parent.id,
      valid_from: effectiveDate,
      valid_to: null,
      authority,
      created_at: ctx.now.toISOString(),
    },
    parent.path,
  );
  await repo.insertVersion(trx, {
    organization_id: created.id,
    kind: o.kind,
    name: o.name,
    parent_id: parent.id,
    authority,
    valid_from: effectiveDate,
    valid_to: null,
    event_id: eventId,
  });
  return created;
}

/** A child organization (and its subtree) passes under a new parent on the effective date. */
async function reparent(trx: Trx, child: repo.OrganizationRow, current: repo.VersionRow, to: { id: number; path: string }, effectiveDate: string, eventId: number) {
  await repo.setParent(trx, child.id, to.id);
  await repo.rebaseSubtree(trx, child.path, childPath(to.path, child.id));
  await supersedeVersion(trx, current, { parent_id: to.id }, effectiveDate, eventId);
}

/** Members pass to another organization through a 'reorganized' event on their timeline (principle 7). */
async function passMembers(trx: Trx, ctx: Ctx, memberIds: number[], fromId: number, to: { id: number; path: string }, input: Decided) {
  if (memberIds.length === 0) return;
  const at = ctx.now.toISOString();
  const moved = await repo.reassignMembers(trx, memberIds, fromId, to, at);
  if (moved !== memberIds.length) throw new DomainError('CONFLICT', { id: fromId });
  await repo.insertMemberEvents(
    trx,
    memberIds.map((memberId) => ({
      member_id: memberId,
      kind: 'reorganized',
      event_date: input.effectiveDate,
      from_status: null,
      to_status: null,
      from_organization_id: fromId,
      to_organization_id: to.id,
      decision_ref: input.decisionRef,
      note: input.note,
      actor_user_id: ctx.actor.userId,
      created_at: at,
    })),
  );
  // R-RMV-07: their open screening flags are reviewed by the organization they pass to.
  await handOverOpenFlags(trx, { memberIds, toOrganizationId: to.id, transferId: null, on: input.effectiveDate, at });
}

/** The organization a change attaches to (new parent, successor): in scope (NOT_FOUND naming the field), active. */
async function loadTarget(trx: Trx, actor: Actor, id: number, field: string) {
  const target = await repo.findOrganizationInScope(trx, actor, id);
  if (!target) throw new DomainError('NOT_FOUND', {}, [{ path: field, code: 'not_found' }]);
  if (target.valid_to !== null) throw new DomainError('ORGANIZATION_NOT_ACTIVE', { id: target.id, validTo: target.valid_to });
  return target;
}

function refuseParentKind(parentKind: string, childKind: string) {
  if (!canBeParentOf(kindOf(parentKind), kindOf(childKind))) {
    throw new DomainError('INVALID_ORGANIZATION_PARENT', { reason: 'kind', parentKind, childKind });
  }
}

export async function createOrganization(db: Db, ctx: Ctx, input: CreateOrganizationInput): Promise<OrganizationDetail> {
  const id = await inTransaction(db, async (trx) => {
    // Roots are outside every actor's subtree: the installation creates the root (users/first-admin.ts).
    if (input.parentId === null) throw new DomainError('INVALID_ORGANIZATION_PARENT', { reason: 'root_not_allowed' });
    const parent = await loadTarget(trx, ctx.actor, input.parentId, 'parentId');
    refuseParentKind(parent.kind, input.kind);
    checkDate(input.effectiveDate, { parentFoundedOn: parent.valid_from });
    const eventId = await recordEvent(trx, ctx, 'created', input, []);
    const created = await insertNewOrganization(trx, ctx, input, parent, input.effectiveDate, eventId);
    await repo.insertEventLinks(trx, [{ event_id: eventId, organization_id: created.id, role: 'subject' }]);
    await appendAudit(trx, ctx, {
      action: 'organization.create',
      objectType: 'organization',
      objectId: created.id,
      changedFields: ['code', 'kind', 'name', 'parentId', 'authority', 'validFrom'],
    });
    return created.id;
  });
  return getOrganization(db, ctx, id);
}

export async function renameOrganization(db: Db, ctx: Ctx, id: number, input: RenameOrganizationInput): Promise<OrganizationDetail> {
  await inTransaction(db, async (trx) => {
    const { org, current } = await loadForChange(trx, ctx.actor, id, input.version);
    if (input.name === org.name) invalid({ path: 'name', code: 'unchanged' });
    checkDate(input.effectiveDate, { currentVersionFrom: current.valid_from });
    await compareAndSet(trx, id, input.version, { name: input.name });
    const eventId = await recordEvent(trx, ctx, 'renamed', input, [{ organizationId: id, role: 'subject' }]);
    await supersedeVersion(trx, current, { name: input.name }, input.effectiveDate, eventId);
    await appendAudit(trx, ctx, { action: 'organization.rename', objectType: 'organization', objectId: id, changedFields: ['name'] });
  });
  return getOrganization(db, ctx, id);
}

export async function moveOrganization(db: Db, ctx: Ctx, id: number, input: MoveOrganizationInput): Promise<OrganizationDetail> {
  await inTransaction(db, async (trx) => {
    const { org, current } = await loadForChange(trx, ctx.actor, id, input.version);
    const parent = await loadTarget(trx, ctx.actor, input.parentId, 'parentId');
    if (parent.id === org.parent_id) throw new DomainError('INVALID_ORGANIZATION_PARENT', { reason: 'same_parent' });
    if (isSelfOrDescendantPath(parent.path, org.path)) throw new DomainError('INVALID_ORGANIZATION_PARENT', { reason: 'self_or_descendant' });
    refuseParentKind(parent.kind, org.kind);
    checkDate(input.effectiveDate, { currentVersionFrom: current.valid_from, parentFoundedOn: parent.valid_from });
    // The past tree must stay a tree too: the new parent may not sit under this organization on the effective date.
    const chainThen = await repo.ancestorChainAsOf(trx, parent.id, input.effectiveDate);
    if (chainThen.some((c) => c.organization_id === id)) throw new DomainError('INVALID_ORGANIZATION_PARENT', { reason: 'self_or_descendant' });

    await compareAndSet(trx, id, input.version, { parent_id: parent.id });
    // Members stay in their cells; the subtree's paths and the members' copies follow (one UPDATE each).
    await repo.rebaseSubtree(trx, org.path, childPath(parent.path, id));
    const eventId = await recordEvent(trx, ctx, 'moved', input, [{ organizationId: id, role: 'subject' }]);
    await supersedeVersion(trx, current, { parent_id: parent.id }, input.effectiveDate, eventId);
    await appendAudit(trx, ctx, { action: 'organization.move', objectType: 'organization', objectId: id, changedFields: ['parentId', 'path'] });
  });
  return getOrganization(db, ctx, id);
}

export async function changeAuthority(db: Db, ctx: Ctx, id: number, input: ChangeAuthorityInput): Promise<OrganizationDetail> {
  await inTransaction(db, async (trx) => {
    const { org, current } = await loadForChange(trx, ctx.actor, id, input.version);
    // R-ADM-14: authority is granted by the superior committee; nobody grants it to their own organization.
    refuseOwnOrganization(ctx.actor, id);
    const before = authorityOf(org.authority);
    const changed = (Object.keys(input.authority) as (keyof Authority)[]).filter((k) => input.authority[k] !== before[k]);
    if (changed.length === 0) invalid({ path: 'authority', code: 'unchanged' });
    checkDate(input.effectiveDate, { currentVersionFrom: current.valid_from });
    const authority = JSON.stringify(input.authority);
    await compareAndSet(trx, id, input.version, { authority });
    const eventId = await recordEvent(trx, ctx, 'authority_changed', input, [{ organizationId: id, role: 'subject' }]);
    await supersedeVersion(trx, current, { authority }, input.effectiveDate, eventId);
    await appendAudit(trx, ctx, {
      action: 'organization.authority',
      objectType: 'organization',
      objectId: id,
      changedFields: changed.map((k) => `authority.${k}`),
    });
  });
  return getOrganization(db, ctx, id);
}

export async function dissolveOrganization(db: Db, ctx: Ctx, id: number, input: DissolveOrganizationInput): Promise<OrganizationDetail> {
  await inTransaction(db, async (trx) => {
    const { current } = await loadForChange(trx, ctx.actor, id, input.version);
    refuseOwnOrganization(ctx.actor, id);
    checkDate(input.effectiveDate, { currentVersionFrom: current.valid_from });
    // Children that still hang here on or after the date (including moves dated later) would be orphaned in the past tree.
    const children = await repo.countChildrenOnOrAfter(trx, id, input.effectiveDate);
    if (children > 0) throw new DomainError('ORGANIZATION_HAS_CHILDREN', { count: children });
    const members = (await repo.listActiveMembers(trx, id)).length;
    if (members > 0) throw new DomainError('ORGANIZATION_HAS_MEMBERS', { count: members });
    await compareAndSet(trx, id, input.version, { valid_to: input.effectiveDate });
    await recordEvent(trx, ctx, 'dissolved', input, [{ organizationId: id, role: 'subject' }]);
    await repo.closeCurrentVersion(trx, id, input.effectiveDate);
    await appendAudit(trx, ctx, { action: 'organization.dissolve', objectType: 'organization', objectId: id, changedFields: ['validTo'] });
  });
  return getOrganization(db, ctx, id);
}

/** Current children and their open versions, with the ones a change dated `effectiveDate` cannot supersede. */
async function loadChildren(trx: Trx, parentId: number, effectiveDate: string) {
  const children = await repo.listActiveChildren(trx, parentId);
  const versions = new Map((await repo.findCurrentVersions(trx, children.map((c) => c.id))).map((v) => [v.organization_id, v]));
  const tooEarly = children.filter((c) => (versions.get(c.id)?.valid_from ?? '') > effectiveDate).map((c) => c.id);
  return { children, versions, tooEarly };
}

export async function splitOrganization(db: Db, ctx: Ctx, id: number, input: SplitOrganizationInput): Promise<OrganizationDetail> {
  await inTransaction(db, async (trx) => {
    const { org, current } = await loadForChange(trx, ctx.actor, id, input.version);
    refuseOwnOrganization(ctx.actor, id);
    if (org.parent_id === null) throw new DomainError('INVALID_ORGANIZATION_PARENT', { reason: 'root_not_allowed' });
    const parent = await loadTarget(trx, ctx.actor, org.parent_id, 'parentId');
    checkDate(input.effectiveDate, { currentVersionFrom: current.valid_from, parentFoundedOn: parent.valid_from });

    const members = await repo.listActiveMembers(trx, id);
    const { children, versions, tooEarly } = await loadChildren(trx, id, input.effectiveDate);
    const issues: FieldIssue[] = [
      ...checkPlacement('memberPlacement', members.map((m) => m.id), input.memberPlacement, input.parts.length),
      ...checkPlacement('childPlacement', children.map((c) => c.id), input.childPlacement, input.parts.length),
      ...tooEarly.map((c) => ({ path: `childPlacement.${c}`, code: 'before_current_version' })),
    ];
    const codes = new Set<string>();
    input.parts.forEach((p, i) => {
      if (!canBeParentOf(kindOf(parent.kind), p.kind)) issues.push({ path: `parts.${i}.kind`, code: 'not_allowed_under_parent', params: { parentKind: parent.kind } });
      if (codes.has(p.code)) issues.push({ path: `parts.${i}.code`, code: 'duplicate' });
      codes.add(p.code);
    });
    for (const m of members) {
      const part = input.parts[input.memberPlacement[String(m.id)]];
      if (part && !canHoldMembers(part.kind)) issues.push({ path: `memberPlacement.${m.id}`, code: 'part_cannot_hold_members' });
    }
    for (const c of children) {
      const part = input.parts[input.childPlacement[String(c.id)]];
      if (part && !canBeParentOf(part.kind, kindOf(c.kind))) issues.push({ path: `childPlacement.${c.id}`, code: 'not_allowed_under_part' });
    }
    if (issues.length) invalid(...issues);

    await compareAndSet(trx, id, input.version, { valid_to: input.effectiveDate });
    await repo.closeCurrentVersion(trx, id, input.effectiveDate);
    const eventId = await recordEvent(trx, ctx, 'split', input, [
      { organizationId: id, role: 'predecessor' },
      ...children.map((c) => ({ organizationId: c.id, role: 'subject' as const })),
    ]);
    const parts: { id: number; path: string }[] = [];
    for (const p of input.parts) {
      parts.push(await insertNewOrganization(trx, ctx, { ...p, authority: NO_AUTHORITY }, parent, input.effectiveDate, eventId));
    }
    await repo.insertEventLinks(
      trx,
      parts.map((p) => ({ event_id: eventId, organization_id: p.id, role: 'successor' })),
    );
    for (const c of children) await reparent(trx, c, versions.get(c.id)!, parts[input.childPlacement[String(c.id)]], input.effectiveDate, eventId);
    for (const [index, part] of parts.entries()) {
      const placed = members.filter((m) => input.memberPlacement[String(m.id)] === index).map((m) => m.id);
      await passMembers(trx, ctx, placed, id, part, input);
    }
    await appendAudit(trx, ctx, {
      action: 'organization.split',
      objectType: 'organization',
      objectId: id,
      changedFields: ['validTo', 'successors', 'members', 'children'],
    });
  });
  return getOrganization(db, ctx, id);
}

export async function mergeOrganizations(db: Db, ctx: Ctx, input: MergeOrganizationsInput): Promise<OrganizationDetail> {
  const successorId = await inTransaction(db, async (trx) => {
    const sourceIds = [...new Set(input.sourceIds)];
    if (sourceIds.length !== input.sourceIds.length) invalid({ path: 'sourceIds', code: 'duplicate' });
    const sources: Awaited<ReturnType<typeof loadForChange>>[] = [];
    for (const [i, sid] of sourceIds.entries()) {
      const expected = input.sourceVersions?.[String(sid)];
      const loaded = await loadForChange(trx, ctx.actor, sid, expected, `sourceIds.${i}`);
      refuseOwnOrganization(ctx.actor, sid);
      checkDate(input.effectiveDate, { currentVersionFrom: loaded.current.valid_from });
      sources.push(loaded);
    }
    const insideASource = (path: string) => sources.some((s) => isSelfOrDescendantPath(path, s.org.path));

    let successor: { id: number; path: string; kind: string; valid_from: string } | null = null;
    let parent: repo.OrganizationRow | null = null;
    if ('existingId' in input.into) {
      successor = await loadTarget(trx, ctx.actor, input.into.existingId, 'into.existingId');
      if (insideASource(successor.path)) throw new DomainError('INVALID_ORGANIZATION_PARENT', { reason: 'source_or_descendant' });
      checkDate(input.effectiveDate, { successorFoundedOn: successor.valid_from });
    } else {
      parent = await loadTarget(trx, ctx.actor, input.into.parentId, 'into.parentId');
      if (insideASource(parent.path)) throw new DomainError('INVALID_ORGANIZATION_PARENT', { reason: 'source_or_descendant' });
      refuseParentKind(parent.kind, input.into.kind);
      checkDate(input.effectiveDate, { parentFoundedOn: parent.valid_from });
    }
    const successorKind = kindOf('existingId' in input.into ? successor!.kind : input.into.kind);

    const issues: FieldIssue[] = [];
    const moving: { source: repo.OrganizationRow; members: number[]; children: Awaited<ReturnType<typeof loadChildren>> }[] = [];
    for (const [i, s] of sources.entries()) {
      const members = (await repo.listActiveMembers(trx, s.org.id)).map((m) => m.id);
      const children = await loadChildren(trx, s.org.id, input.effectiveDate);
      if (members.length && !canHoldMembers(successorKind)) issues.push({ path: 'into', code: 'cannot_hold_members', params: { sourceId: s.org.id } });
      for (const c of children.children) {
        if (!canBeParentOf(successorKind, kindOf(c.kind))) issues.push({ path: 'into', code: 'cannot_lead_child', params: { childId: c.id, childKind: c.kind } });
      }
      for (const c of children.tooEarly) issues.push({ path: `sourceIds.${i}`, code: 'child_before_current_version', params: { childId: c } });
      moving.push({ source: s.org, members, children });
    }
    if (issues.length) invalid(...issues);

    for (const s of sources) {
      await compareAndSet(trx, s.org.id, s.org.version, { valid_to: input.effectiveDate });
      await repo.closeCurrentVersion(trx, s.org.id, input.effectiveDate);
    }
    const eventId = await recordEvent(trx, ctx, 'merged', input, [
      ...sources.map((s) => ({ organizationId: s.org.id, role: 'predecessor' as const })),
      ...moving.flatMap((m) => m.children.children.map((c) => ({ organizationId: c.id, role: 'subject' as const }))),
    ]);
    const into =
      successor ??
      (await insertNewOrganization(
        trx,
        ctx,
        { ...(input.into as { kind: OrganizationKind; name: string; code: string }), authority: NO_AUTHORITY },
        parent!,
        input.effectiveDate,
        eventId,
      ));
    await repo.insertEventLinks(trx, [{ event_id: eventId, organization_id: into.id, role: 'successor' }]);
    for (const m of moving) {
      for (const c of m.children.children) await reparent(trx, c, m.children.versions.get(c.id)!, into, input.effectiveDate, eventId);
      await passMembers(trx, ctx, m.members, m.source.id, into, input);
    }
    await appendAudit(trx, ctx, {
      action: 'organization.merge',
      objectType: 'organization',
      objectId: into.id,
      changedFields: ['predecessors', 'members', 'children'],
    });
    return into.id;
  });
  return getOrganization(db, ctx, successorId);
}
