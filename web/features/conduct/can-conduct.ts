import type { Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts ('conduct.read', 'conduct.manage'); the server still decides each request (scope).
export const canConduct = {
  read: (role: Role) => ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer'].includes(role),
  manage: (role: Role) => ['admin', 'organization_officer', 'cell_secretary', 'inspection_officer'].includes(role),
};
