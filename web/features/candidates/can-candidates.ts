import type { Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts ('candidate.*') so the UI offers only what the server allows; the server decides.
const OFFICIALS: readonly Role[] = ['admin', 'organization_officer', 'committee_member', 'cell_secretary', 'inspection_officer', 'training_officer'];

export const canCandidates = {
  /** candidate.read: officials of the subtree; front officers only the people they introduced. */
  read: (role: Role) => OFFICIALS.includes(role) || role === 'front_officer',
  /** candidate.introduce */
  introduce: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'cell_secretary' || role === 'front_officer',
  /** candidate.manage: helper, status, edits, re-introducing a person on file. */
  manage: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'cell_secretary',
  /** training.read: certificates on the candidate page. */
  seeCertificates: (role: Role) => OFFICIALS.includes(role),
};
