import type { Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts ('transfer.*') so the UI offers only what the server allows; the server decides
// (and also checks the side: the receiving side confirms receipt, the sending side cancels and records returns).
const OFFICIALS: readonly Role[] = ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer', 'training_officer'];

export const canTransfers = {
  /** The transfers list (officials); a member sees their own transfers on their record. */
  list: (role: Role) => OFFICIALS.includes(role),
  read: (role: Role) => OFFICIALS.includes(role) || role === 'member',
  manage: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'cell_secretary',
};
