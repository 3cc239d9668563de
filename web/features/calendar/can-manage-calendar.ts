import type { Role } from '../../../common/contracts/auth.contract.ts';

/** Mirrors 'calendar.manage' in server/policy/policy.ts so the UI offers only what the server allows; the server decides. */
export function canManageCalendar(role: Role): boolean {
  return role === 'admin';
}
