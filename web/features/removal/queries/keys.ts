export const removalKeys = {
  all: ['removal'] as const,
  lists: () => [...removalKeys.all, 'list'] as const,
  list: (params: Record<string, unknown>) => [...removalKeys.lists(), params] as const,
  cases: () => [...removalKeys.all, 'case'] as const,
  case: (id: number) => [...removalKeys.cases(), id] as const,
  voteBase: (id: number, date: string, meetingId: number | null) => [...removalKeys.all, 'vote-base', id, date, meetingId] as const,
  referrals: (organizationId: number) => [...removalKeys.all, 'referrals', organizationId] as const,
  memberOptions: (organizationId: number, q: string) => [...removalKeys.all, 'member-options', organizationId, q] as const,
  readmission: (memberId: number) => [...removalKeys.all, 'readmission', memberId] as const,
};
