import { partyLifeRoot } from '../../meetings/queries/keys.ts';

/** Under the same root as the meetings' keys: a change anywhere in party life refreshes every view of it. */
export const partyLifeKeys = {
  all: partyLifeRoot,
  assignments: (cellId: number, date: string | undefined) => [...partyLifeRoot, 'assignments', cellId, date ?? 'today'] as const,
  exemptions: (organizationId: number, within: 'cell' | 'subtree', state: 'active' | 'all') => [...partyLifeRoot, 'exemptions', organizationId, within, state] as const,
  residence: (cellId: number) => [...partyLifeRoot, 'residence', cellId] as const,
  member: (memberId: number) => [...partyLifeRoot, 'member', memberId] as const,
};
