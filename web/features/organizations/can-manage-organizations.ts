import type { Role } from '../../../common/contracts/auth.contract.ts';

/** Mirrors 'organization.manage' in server/policy/policy.ts so the UI offers only what the server allows; the server decides. */
export function canManageOrganizations(role: Role): boolean {
  return role === 'admin' || role === 'organization_officer';
}
