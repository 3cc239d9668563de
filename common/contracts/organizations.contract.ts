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

export const ZOrganizationNode = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: ZOrganizationKind,
  name: z.string(),
  parentId: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  authority: ZAuthority,
  memberCount: z.number().int(),
});
export type OrganizationNode = z.infer<typeof ZOrganizationNode>;

export const ZTreeQuery = z.object({ asOf: ZIsoDate.optional() });
export const ZTreeResponse = z.object({ asOf: z.string(), nodes: z.array(ZOrganizationNode) });

export const ORGANIZATION_EVENT_KINDS = ['created', 'renamed', 'moved', 'merged', 'split', 'dissolved', 'authority_changed'] as const;
export const ZOrganizationEventKind = z.enum(ORGANIZATION_EVENT_KINDS);

export const ZOrganizationRef = z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: ZOrganizationKind });

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
  parentName: z.string().nullable(),
  authority: ZAuthority,
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const ZOrganizationDetail = ZOrganizationNode.extend({
  version: z.number().int(),
  path: z.array(ZOrganizationRef),
  children: z.array(ZOrganizationRef),
  history: z.array(ZOrganizationVersion),
  events: z.array(ZOrganizationEvent),
  /** The bodies that decide for this organization (R-ADM-14), resolved on today's tree. */
  competentBodies: z.object({
    admission: ZOrganizationRef.nullable(),
    recognition: ZOrganizationRef.nullable(),
    removal: ZOrganizationRef.nullable(),
  }),
});
export type OrganizationDetail = z.infer<typeof ZOrganizationDetail>;

const ZDecided = { effectiveDate: ZIsoDate, decisionRef: zText(100), note: zText(1000) };

export const ZCreateOrganization = z.object({
  kind: ZOrganizationKind,
  name: zRequiredText(200),
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/),
  parentId: ZId.nullable(),
  authority: ZAuthority.default({ admission: false, recognition: false, removal: false }),
  ...ZDecided,
});
export const ZRenameOrganization = z.object({ name: zRequiredText(200), version: ZVersion, ...ZDecided });
export const ZMoveOrganization = z.object({ parentId: ZId, version: ZVersion, ...ZDecided });
export const ZChangeAuthority = z.object({ authority: ZAuthority, version: ZVersion, ...ZDecided });
export const ZDissolveOrganization = z.object({ version: ZVersion, ...ZDecided });
export const ZMergeOrganizations = z.object({
  /** Organizations that end on the effective date; their members and children pass to the successor. */
  sourceIds: z.array(ZId).min(1).max(50),
  /** An existing organization that absorbs the sources, or a new one created by the merger. */
  into: z.union([
    z.object({ existingId: ZId }),
    z.object({ kind: ZOrganizationKind, name: zRequiredText(200), code: z.string().trim().min(1).max(40), parentId: ZId }),
  ]),
  ...ZDecided,
});
export const ZSplitOrganization = z.object({
  /** New organizations that succeed the source, which ends on the effective date. */
  parts: z
    .array(z.object({ kind: ZOrganizationKind, name: zRequiredText(200), code: z.string().trim().min(1).max(40) }))
    .min(2)
    .max(20),
  /** Index into parts for every current member of the source (all must be placed). */
  memberPlacement: z.record(z.string(), z.number().int().min(0)).default({}),
  /** Index into parts for every current child organization of the source. */
  childPlacement: z.record(z.string(), z.number().int().min(0)).default({}),
  version: ZVersion,
  ...ZDecided,
});
