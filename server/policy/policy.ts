import type { Role } from '../../common/contracts/auth.contract.ts';
import type { Reach } from '../http/actor.ts';

/**
 * The one policy table (role × action → reach), deny by default (security.md "Access control").
 * Every route names one action in `config.policy`; app.ts refuses to start a route without one,
 * and server/policy/policy.test.ts walks every route against this table.
 *   'subtree' — the actor's organization and everything under it;
 *   'self'    — only records of the actor's own person (the member role).
 * 'public' and 'authenticated' are pseudo-actions for routes that need no role check.
 */
export type Grants = Partial<Record<Role, Reach>>;

const OFFICIALS_READ: Grants = {
  admin: 'subtree',
  organization_officer: 'subtree',
  committee_member: 'subtree',
  cell_secretary: 'subtree',
  inspection_officer: 'subtree',
  training_officer: 'subtree',
};

export const POLICY = {
  // Organization tree: officials see their subtree; front officers see it too (they introduce candidates to cells).
  'organization.read': { ...OFFICIALS_READ, front_officer: 'subtree', member: 'self' },
  'organization.manage': { admin: 'subtree', organization_officer: 'subtree' },

  // Member records: never the front officer (domain.md); a member sees only their own record.
  'member.list': OFFICIALS_READ,
  'member.read': { ...OFFICIALS_READ, member: 'self' },
  'member.create': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'member.update': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'member.change_status': { admin: 'subtree', organization_officer: 'subtree' },

  // Admission and recognition (issue 3). Candidates are introduced by front officers or cell secretaries;
  // a front officer sees only the people they introduced (filtered in the candidates service by introducer).
  'candidate.read': { ...OFFICIALS_READ, front_officer: 'self' },
  'candidate.introduce': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree', front_officer: 'subtree' },
  'candidate.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'training.read': OFFICIALS_READ,
  'training.manage': { admin: 'subtree', training_officer: 'subtree' },
  'admission.read': { admin: 'subtree', organization_officer: 'subtree', committee_member: 'subtree', cell_secretary: 'subtree', inspection_officer: 'subtree' },
  'admission.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'admission.decide': { admin: 'subtree', organization_officer: 'subtree', committee_member: 'subtree' },
  'calendar.read': { ...OFFICIALS_READ, front_officer: 'subtree', member: 'self' },
  'calendar.manage': { admin: 'subtree' },

  // Party life (issue 4). A member sees their own attendance, dues and transfers (reach 'self').
  'meeting.read': { ...OFFICIALS_READ, member: 'self' },
  'meeting.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'dues.read': { ...OFFICIALS_READ, member: 'self' },
  'dues.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'assignment.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'exemption.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'transfer.read': { ...OFFICIALS_READ, member: 'self' },
  'transfer.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'residence.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },

  // Grading, screening and removal (issue 5).
  'grading.read': { ...OFFICIALS_READ, member: 'self' },
  'grading.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree', member: 'self' },
  'grading.decide': { admin: 'subtree', organization_officer: 'subtree', committee_member: 'subtree' },
  'screening.read': { admin: 'subtree', organization_officer: 'subtree', committee_member: 'subtree', cell_secretary: 'subtree', inspection_officer: 'subtree' },
  'screening.run': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'screening.review': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree', committee_member: 'subtree' },
  'removal.read': { admin: 'subtree', organization_officer: 'subtree', committee_member: 'subtree', cell_secretary: 'subtree', inspection_officer: 'subtree' },
  'removal.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree' },
  'removal.decide': { admin: 'subtree', organization_officer: 'subtree', committee_member: 'subtree' },
  // A member's conduct outside party discipline (issue 5 item 2): read as removal's records; kept by the cell and the
  // officials above it, and by inspection (which follows violations up).
  'conduct.read': { admin: 'subtree', organization_officer: 'subtree', committee_member: 'subtree', cell_secretary: 'subtree', inspection_officer: 'subtree' },
  'conduct.manage': { admin: 'subtree', organization_officer: 'subtree', cell_secretary: 'subtree', inspection_officer: 'subtree' },
  'report.read': { admin: 'subtree', organization_officer: 'subtree', committee_member: 'subtree', inspection_officer: 'subtree', cell_secretary: 'subtree' },

  // Rule-set versions (rules.md line 3): the numbers are national, so reach does not narrow them; those who judge by
  // them read them, and only an administrator adds a version.
  'rule_sets.read': { admin: 'subtree', organization_officer: 'subtree', committee_member: 'subtree', inspection_officer: 'subtree' },
  'rule_sets.manage': { admin: 'subtree' },

  // A data subject's export and requests (security.md item 26): the officials who keep the member register.
  'privacy.export': { admin: 'subtree', organization_officer: 'subtree' },
  'privacy.read': { admin: 'subtree', organization_officer: 'subtree' },
  'privacy.manage': { admin: 'subtree', organization_officer: 'subtree' },

  'user.manage': { admin: 'subtree' },
  'audit.read': { admin: 'subtree', inspection_officer: 'subtree' },
} as const satisfies Record<string, Grants>;

export type PolicyAction = keyof typeof POLICY;
export type RoutePolicy = PolicyAction | 'public' | 'authenticated';

export function grantFor(action: PolicyAction, role: Role): Reach | null {
  return (POLICY[action] as Grants)[role] ?? null;
}

export function isPolicyAction(s: string): s is PolicyAction {
  return Object.hasOwn(POLICY, s);
}
