import type { Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts ('training.*') so the UI offers only what the server allows; the server decides.
const OFFICIALS: readonly Role[] = ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer', 'training_officer'];

export const canTraining = {
  read: (role: Role) => OFFICIALS.includes(role),
  manage: (role: Role) => role === 'admin' || role === 'training_officer',
};
