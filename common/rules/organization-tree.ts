// The party organization tree as pure functions: effective-dated versions, which kind may hang under which,
// materialized paths, and the competent body of R-ADM-14. Services combine these with the repos.
import {
  AUTHORITY_MATTERS,
  type Authority,
  type AuthorityMatter,
  MEMBER_HOLDING_KINDS,
  type OrganizationKind,
} from '../contracts/organizations.contract.ts';
import type { FieldIssue } from '../errors.ts';
import type { IsoDate } from './iso-date.ts';

/** A version holds on dates d with validFrom <= d < validTo (validTo exclusive, null = open-ended). */
export interface DatedVersion {
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** Architecture principle 7: "as of date D" = the rows valid on D. Dates are 'YYYY-MM-DD' and compare as strings. */
export function isValidOn(v: DatedVersion, date: IsoDate): boolean {
  return v.validFrom <= date && (v.validTo === null || date < v.validTo);
}

/** The version of each organization valid on `date` (one per organization; should two overlap, the later start wins). */
export function selectVersionsAsOf<T extends DatedVersion & { organizationId: number }>(versions: readonly T[], date: IsoDate): T[] {
  const byOrg = new Map<number, T>();
  for (const v of versions) {
    if (!isValidOn(v, date)) continue;
    const seen = byOrg.get(v.organizationId);
    if (!seen || seen.validFrom < v.validFrom) byOrg.set(v.organizationId, v);
  }
  return [...byOrg.values()];
}

/** Party committees: the kinds that lead other organizations (Điều lệ Đảng 2011 Art. 11, 21). */
export const COMMITTEE_KINDS: readonly OrganizationKind[] = [
  'provincial_committee',
  'district_committee',
  'commune_committee',
  'grassroots_committee',
  'sub_grassroots_committee',
];

/** Advisory and standing bodies that act for a committee; they hang under one and lead nothing. */
export const BOARD_KINDS: readonly OrganizationKind[] = [
  'standing_committee',
  'organization_board',
  'propaganda_board',
  'inspection_committee',
  'training_center',
];

/**
 * Which kinds a committee leads directly. The system follows the administrative levels (Điều lệ Đảng 2011 Art. 11);
 * grassroots organizations are cells or committees, and a grassroots committee may have sub-grassroots committees
 * and cells under it (Điều lệ Art. 21). Until 30/6/2025 communes sat under districts; since 1/7/2025 commune
 * committees sit directly under the province (Quy định 294-QĐ/TW) and lead village cells directly.
 * Cells lead nothing: members, not organizations, sit in them.
 */
const CHILD_KINDS: Partial<Record<OrganizationKind, readonly OrganizationKind[]>> = {
  provincial_committee: ['district_committee', 'commune_committee', 'grassroots_committee', 'grassroots_cell'],
  district_committee: ['commune_committee', 'grassroots_committee', 'grassroots_cell'],
  commune_committee: ['grassroots_committee', 'grassroots_cell', 'sub_grassroots_committee', 'cell'],
  grassroots_committee: ['sub_grassroots_committee', 'cell'],
  sub_grassroots_committee: ['cell'],
};

/** True when an organization of `childKind` may hang under one of `parentKind` (null = a root: only a provincial committee). */
export function canBeParentOf(parentKind: OrganizationKind | null, childKind: OrganizationKind): boolean {
  if (parentKind === null) return childKind === 'provincial_committee';
  if (!COMMITTEE_KINDS.includes(parentKind)) return false;
  if (BOARD_KINDS.includes(childKind)) return true;
  return CHILD_KINDS[parentKind]?.includes(childKind) ?? false;
}

/** Members are recorded only in cells (Điều lệ Art. 21-24: every member belongs to a cell). */
export function canHoldMembers(kind: OrganizationKind): boolean {
  return MEMBER_HOLDING_KINDS.includes(kind);
}

/** Materialized paths of ids, '/1/7/42/': `candidate` is `org` itself or lies under it. */
export function isSelfOrDescendantPath(candidatePath: string, orgPath: string): boolean {
  return candidatePath.startsWith(orgPath);
}

/** The path of a child of `parentPath` (null parent: a root). */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Ancestor ids in a materialized path, root first, the organization itself excluded. */
export function ancestorIdsOfPath(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number).slice(0, -1);
}

/** The SQL of a move, `newPrefix || substr(path, length(oldPrefix) + 1)`, as a function: for tests and reasoning. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new RangeError(`${path} is not under ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}

/** Ids of `rootId` and everything under it in a parent-linked node set (cycle-safe). */
export function descendantIdsOf(nodes: readonly { id: number; parentId: number | null }[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n.id);
    children.set(n.parentId, list);
  }
  const found = new Set<number>();
  if (!nodes.some((n) => n.id === rootId)) return found;
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return found;
}

/**
 * R-ADM-14 (Quy định 294-QĐ/TW): the body that decides a matter for an organization is a property of the tree on
 * the decision date: the nearest organization up the tree, itself included, whose committee holds that authority
 * (an authorised grassroots committee, else the superior committee). `chain` runs from the organization up to the root.
 */
export function competentBodyFor<T extends { authority: Authority }>(chain: readonly T[], matter: AuthorityMatter): T | null {
  return chain.find((o) => o.authority[matter]) ?? null;
}

/** R-ADM-14 (Quy định 294-QĐ/TW) for every matter at once. */
export function competentBodiesFor<T extends { authority: Authority }>(chain: readonly T[]): Record<AuthorityMatter, T | null> {
  const out = {} as Record<AuthorityMatter, T | null>;
  for (const matter of AUTHORITY_MATTERS) out[matter] = competentBodyFor(chain, matter);
  return out;
}

/**
 * Display order: depth first from the roots of the visible forest (nodes whose parent is absent), siblings by name
 * in Vietnamese collation. Nodes caught in a cycle (never in valid data) come last rather than disappear.
 */
export function orderAsTree<T extends { id: number; parentId: number | null; name: string }>(nodes: readonly T[]): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'vi') || a.id - b.id;
  const children = new Map<number, T[]>();
  const roots: T[] = [];
  for (const n of nodes) {
    if (n.parentId === null || !byId.has(n.parentId) || n.parentId === n.id) roots.push(n);
    else children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  }
  const out: T[] = [];
  const seen = new Set<number>();
  const visit = (n: T) => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    out.push(n);
    for (const c of (children.get(n.id) ?? []).sort(byName)) visit(c);
  };
  for (const r of roots.sort(byName)) visit(r);
  for (const n of [...nodes].sort(byName)) if (!seen.has(n.id)) out.push(n);
  return out;
}

/**
 * History is kept, never rewritten (architecture principle 7): a change takes effect on or after the first day of the
 * version it supersedes, and no earlier than the day the organization it attaches to (new parent, successor) was founded,
 * so that no past tree shows a node under an organization that did not exist yet.
 */
export function checkEffectiveDate(
  effectiveDate: IsoDate,
  facts: { currentVersionFrom?: IsoDate | null; parentFoundedOn?: IsoDate | null; successorFoundedOn?: IsoDate | null },
): FieldIssue | null {
  if (facts.currentVersionFrom && effectiveDate < facts.currentVersionFrom) {
    return { path: 'effectiveDate', code: 'before_current_version', params: { validFrom: facts.currentVersionFrom } };
  }
  if (facts.parentFoundedOn && effectiveDate < facts.parentFoundedOn) {
    return { path: 'effectiveDate', code: 'before_parent_valid_from', params: { validFrom: facts.parentFoundedOn } };
  }
  if (facts.successorFoundedOn && effectiveDate < facts.successorFoundedOn) {
    return { path: 'effectiveDate', code: 'before_successor_valid_from', params: { validFrom: facts.successorFoundedOn } };
  }
  return null;
}

/**
 * A split must place every current member and child of the source into one of its parts: each id to place needs an
 * entry, entries must name ids that are there, and indexes must point at a part.
 */
export function checkPlacement(
  field: 'memberPlacement' | 'childPlacement',
  idsToPlace: readonly number[],
  placement: Readonly<Record<string, number>>,
  partCount: number,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const wanted = new Set(idsToPlace.map(String));
  for (const id of idsToPlace) {
    if (!Object.hasOwn(placement, String(id))) issues.push({ path: `${field}.${id}`, code: 'not_placed' });
  }
  for (const [key, index] of Object.entries(placement)) {
    if (!wanted.has(key)) issues.push({ path: `${field}.${key}`, code: 'not_in_source' });
    else if (!Number.isInteger(index) || index < 0 || index >= partCount) issues.push({ path: `${field}.${key}`, code: 'no_such_part', params: { index } });
  }
  return issues;
}
