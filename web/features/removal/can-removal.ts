import type { Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts ('removal.*'); the server still decides each request (scope, R-ADM-14, the rules).
export const canRemoval = {
  read: (role: Role) => ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer'].includes(role),
  manage: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'cell_secretary',
  decide: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'committee_member',
};
