import { z } from 'zod';
import { ZId, ZIsoDate, ZVersion, zRequiredText, zText } from './common.contract.ts';

/** Kinds from domain.md (glossary), plus the district committee that held history until 2025 and the boards that act for committees. */
export const ORGANIZATION_KINDS = [
  'provincial_committee',
  'district_committee',
  'commune_committee',
  'grassroots_committee',
  'grassroots_cell',
  'sub_grassroots_committee',
  'cell',
  'standing_committee',
  'organization_board',
  'propaganda_board',
  'inspection_committee',
  'training_center',
] as const;
export const ZOrganizationKind = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof ZOrganizationKind>;

/** Kinds whose members are recorded directly in them (a grassroots cell is itself a cell). */
export const MEMBER_HOLDING_KINDS: readonly OrganizationKind[] = ['cell', 'grassroots_cell'];

/**
 * Authority settings (R-ADM-14): which decisions this organization's committee takes for its subtree.
 * The competent body for a cell is the nearest organization up the tree (itself included) with the flag set.
 */
export const ZAuthority = z.object({
  admission: z.boolean().default(false),
  recognition: z.boolean().default(false),
  removal: z.boolean().default(false),
});
export type Authority = z.infer<typeof ZAuthority>;
export const AUTHORITY_MATTERS = ['admission', 'recognition', 'removal'] as const;
export type AuthorityMatter = (typeof AUTHORITY_MATTERS)[number];

/** An organization code as printed in lists and imports: letters, digits, '.', '_' and '-'. */
export const ZOrganizationCode = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/);

export const ZOrganizationNode = z.object({
  id: z.number().int(),
  code: z.string(),
  /** kind, name, parentId and authority: in the tree, those of the version valid on asOf; in a detail, the latest version. */
  kind: ZOrganizationKind,
  name: z.string(),
  parentId: z.number().int().nullable(),
  /** The organization's life span: founded on validFrom; validTo (exclusive) is the first day it no longer exists, null while active. */
  validFrom: z.string(),
  validTo: z.string().nullable(),
  authority: ZAuthority,
  /**
   * TODAY's count of active (probationary or official) members recorded in this very organization (not its subtree),
   * whatever the asOf date: counting who sat where on a past date would replay every member timeline.
   * Only members the actor may see are counted (scope), so a member account sees at most itself.
   */
  memberCount: z.number().int(),
});
export type OrganizationNode = z.infer<typeof ZOrganizationNode>;

/** asOf defaults to today in Vietnam. */
export const ZTreeQuery = z.object({ asOf: ZIsoDate.optional() });
/**
 * The organizations valid on asOf that the actor may see, in display order (depth first, siblings by name).
 * A node whose parentId is not in the list is a root of the visible forest (e.g. a parent outside the actor's
 * subtree, or the actor's own organization did not exist yet on asOf).
 */
export const ZTreeResponse = z.object({ asOf: z.string(), nodes: z.array(ZOrganizationNode) });
export type TreeResponse = z.infer<typeof ZTreeResponse>;

export const ORGANIZATION_EVENT_KINDS = ['created', 'renamed', 'moved', 'merged', 'split', 'dissolved', 'authority_changed'] as const;
export const ZOrganizationEventKind = z.enum(ORGANIZATION_EVENT_KINDS);
export type OrganizationEventKind = z.infer<typeof ZOrganizationEventKind>;

/** Roles of an organization in an event: the one changed; the ones that ended (merge, split); the ones that carry on. */
export const ORGANIZATION_EVENT_ROLES = ['subject', 'predecessor', 'successor'] as const;
export type OrganizationEventRole = (typeof ORGANIZATION_EVENT_ROLES)[number];

export const ZOrganizationRef = z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: ZOrganizationKind });
export type OrganizationRef = z.infer<typeof ZOrganizationRef>;

/**
 * One decision on the tree. Lineage: a split has the source as predecessor and the parts as successors;
 * a merger has the sources as predecessors and the absorbing or new organization as successor; the child
 * organizations a split or merger re-parented are its subjects. Single-organization events have one subject.
 */
export const ZOrganizationEvent = z.object({
  id: z.number().int(),
  kind: ZOrganizationEventKind,
  effectiveDate: z.string(),
  decisionRef: z.string().nullable(),
  note: z.string().nullable(),
  predecessors: z.array(ZOrganizationRef),
  successors: z.array(ZOrganizationRef),
  subjects: z.array(ZOrganizationRef),
});

export const ZOrganizationVersion = z.object({
  kind: ZOrganizationKind,
  name: z.string(),
  parentId: z.number().int().nullable(),
  /** The parent's name on the version's first day. */
  parentName: z.string().nullable(),
  authority: ZAuthority,
  validFrom: z.string(),
  /** Exclusive end; equal to validFrom when superseded on its first day (kept: history is never overwritten). */
  validTo: z.string().nullable(),
});

export const ZOrganizationDetail = ZOrganizationNode.extend({
  /** Send it back with the next change (compare-and-set): a stale one answers CONFLICT. */
  version: z.number().int(),
  /** Ancestors on the current tree, root first, limited to the actor's scope. */
  path: z.array(ZOrganizationRef),
  /** Active child organizations on the current tree. */
  children: z.array(ZOrganizationRef),
  /** Every version, oldest first. */
  history: z.array(ZOrganizationVersion),
  /** Every event naming this organization, oldest first. */
  events: z.array(ZOrganizationEvent),
  /** The bodies that decide for this organization (R-ADM-14), resolved on today's tree; null when none (or no longer active). */
  competentBodies: z.object({
    admission: ZOrganizationRef.nullable(),
    recognition: ZOrganizationRef.nullable(),
    removal: ZOrganizationRef.nullable(),
  }),
});
export type OrganizationDetail = z.infer<typeof ZOrganizationDetail>;

/**
 * effectiveDate is the first day on which the change holds (a dissolution effective 2025-07-01 means the
 * organization existed until the end of 2025-06-30). It may not precede the current version's validFrom.
 */
const ZDecided = { effectiveDate: ZIsoDate, decisionRef: zText(100), note: zText(1000) };

/** Each mutation answers the ZOrganizationDetail of its subject (create: the new one; split: the ended source; merge: the successor). */
export const ZCreateOrganization = z.object({
  kind: ZOrganizationKind,
  name: zRequiredText(200),
  code: ZOrganizationCode,
  /** Must be an active committee inside the actor's subtree (null, a new root, is refused). */
  parentId: ZId.nullable(),
  authority: ZAuthority.default({ admission: false, recognition: false, removal: false }),
  ...ZDecided,
});
export type CreateOrganizationInput = z.infer<typeof ZCreateOrganization>;
export const ZRenameOrganization = z.object({ name: zRequiredText(200), version: ZVersion, ...ZDecided });
export type RenameOrganizationInput = z.infer<typeof ZRenameOrganization>;
/** The organization's whole subtree and the members recorded in it follow; members stay in their cells. */
export const ZMoveOrganization = z.object({ parentId: ZId, version: ZVersion, ...ZDecided });
export type MoveOrganizationInput = z.infer<typeof ZMoveOrganization>;
export const ZChangeAuthority = z.object({ authority: ZAuthority, version: ZVersion, ...ZDecided });
export type ChangeAuthorityInput = z.infer<typeof ZChangeAuthority>;
/** Refused while active children or active members remain. */
export const ZDissolveOrganization = z.object({ version: ZVersion, ...ZDecided });
export type DissolveOrganizationInput = z.infer<typeof ZDissolveOrganization>;
export const ZMergeOrganizations = z.object({
  /** Organizations that end on the effective date; their members and children pass to the successor. */
  sourceIds: z.array(ZId).min(1).max(50),
  /** An existing organization that absorbs the sources, or a new one created by the merger. */
  into: z.union([
    z.object({ existingId: ZId }),
    z.object({ kind: ZOrganizationKind, name: zRequiredText(200), code: ZOrganizationCode, parentId: ZId }),
  ]),
  /**
   * The version of each source as the user saw it, keyed by source id (compare-and-set: a stale one answers CONFLICT).
   * Optional for compatibility; clients should always send it.
   */
  sourceVersions: z.record(z.string(), ZVersion).optional(),
  ...ZDecided,
});
export type MergeOrganizationsInput = z.infer<typeof ZMergeOrganizations>;
export const ZSplitOrganization = z.object({
  /** New organizations that succeed the source, which ends on the effective date. They hang under the source's parent. */
  parts: z
    .array(z.object({ kind: ZOrganizationKind, name: zRequiredText(200), code: ZOrganizationCode }))
    .min(2)
    .max(20),
  /** Index into parts for every current (active) member of the source, keyed by member id (all must be placed). */
  memberPlacement: z.record(z.string(), z.number().int().min(0)).default({}),
  /** Index into parts for every current child organization of the source, keyed by organization id (all must be placed). */
  childPlacement: z.record(z.string(), z.number().int().min(0)).default({}),
  version: ZVersion,
  ...ZDecided,
});
export type SplitOrganizationInput = z.infer<typeof ZSplitOrganization>;
