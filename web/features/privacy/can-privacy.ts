import type { Role } from '../../../common/contracts/auth.contract.ts';

/** Mirrors 'privacy.export', 'privacy.read' and 'privacy.manage' in server/policy/policy.ts (the same two roles). */
export const canPrivacy = {
  manage: (role: Role) => role === 'admin' || role === 'organization_officer',
};
