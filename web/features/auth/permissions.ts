import type { Me, Role } from '../../../common/contracts/auth.contract.ts';

// Mirrors server/policy/policy.ts so the UI only offers what the server will allow; the server still decides.
const OFFICIALS: readonly Role[] = [
  'admin',
  'organization_officer',
  'committee_member',
  'cell_secretary',
  'inspection_officer',
  'training_officer',
];

export const can = {
  /** member.list: never the front officer (domain.md), and a member sees only their own record. */
  listMembers: (role: Role) => OFFICIALS.includes(role),
  createMember: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'cell_secretary',
  updateMember: (role: Role) => role === 'admin' || role === 'organization_officer' || role === 'cell_secretary',
  changeMemberStatus: (role: Role) => role === 'admin' || role === 'organization_officer',
  seeOrganizations: (role: Role) => role !== 'member',
  manageUsers: (role: Role) => role === 'admin',
};

/** Where a user lands after signing in, by role. */
export function homePath(me: Me): string {
  if (me.role === 'member') return me.memberId ? `/members/${me.memberId}` : '/';
  if (me.role === 'front_officer') return '/organizations';
  return '/members';
}
