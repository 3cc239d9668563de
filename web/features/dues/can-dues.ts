import type { Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts ('dues.*') so the UI offers only what the server allows; the server decides.
const OFFICIALS: readonly Role[] = ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer', 'training_officer'];

export const canDues = {
  /** dues.read: officials of their subtree; a member only their own dues. */
  read: (role: Role) => OFFICIALS.includes(role) || role === 'member',
  /** The organization-level views (collection, arrears, remittances, chart). */
  readOrganizations: (role: Role) => OFFICIALS.includes(role),
  manage: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'cell_secretary',
  /** A new row of the regional minimum wage table. */
  manageWages: (role: Role) => role === 'admin',
};
