import type { Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts ('grading.*', 'report.read') so the UI offers only what the server allows; the server
// still decides each request (scope, the cycle's stage, the rules).
const OFFICIALS: readonly Role[] = ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer', 'training_officer'];

export const canGrading = {
  read: (role: Role) => OFFICIALS.includes(role) || role === 'member',
  /** Open a grading year, enter self-assessments on a member's behalf, propose. */
  manage: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'cell_secretary',
  decide: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'committee_member',
  report: (role: Role) => ['admin', 'organization_officer', 'committee_member', 'inspection_officer', 'cell_secretary'].includes(role),
};
