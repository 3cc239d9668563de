import type { Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts ('screening.*', 'report.read') so the UI offers only what the server allows; the
// server still decides each request (scope, the rules).
const READ: readonly Role[] = ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer'];

export const canScreening = {
  read: (role: Role) => READ.includes(role),
  run: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'cell_secretary',
  review: (role: Role) => ['admin', 'organization_officer', 'cell_secretary', 'committee_member'].includes(role),
  report: (role: Role) => READ.includes(role),
};
