import type { Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts for party life so the UI offers only what the server allows; the server decides.
const OFFICIALS: readonly Role[] = ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer', 'training_officer'];
const MANAGERS: readonly Role[] = ['admin', 'organization_officer', 'cell_secretary'];

export const canPartyLife = {
  /** meeting.read with subtree reach: the cells' meetings, assignments, exemptions and residence (a member reads only their own record). */
  readCells: (role: Role) => OFFICIALS.includes(role),
  manageMeetings: (role: Role) => MANAGERS.includes(role),
  manageAssignments: (role: Role) => MANAGERS.includes(role),
  manageExemptions: (role: Role) => MANAGERS.includes(role),
  manageResidence: (role: Role) => MANAGERS.includes(role),
};
