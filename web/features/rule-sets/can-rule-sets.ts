import type { Role } from '../../../common/contracts/auth.contract.ts';

/** Mirrors 'rule_sets.read' and 'rule_sets.manage' in server/policy/policy.ts so the UI offers only what the server allows. */
export const canRuleSets = {
  read: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'committee_member' || role === 'inspection_officer',
  manage: (role: Role) => role === 'admin',
};
