export const gradingKeys = {
  all: ['grading'] as const,
  lists: () => [...gradingKeys.all, 'list'] as const,
  list: (params: { year?: number }) => [...gradingKeys.lists(), params] as const,
  cycles: () => [...gradingKeys.all, 'cycle'] as const,
  cycle: (id: number) => [...gradingKeys.cycles(), id] as const,
  entries: () => [...gradingKeys.all, 'entry'] as const,
  entry: (id: number) => [...gradingKeys.entries(), id] as const,
  members: () => [...gradingKeys.all, 'member'] as const,
  member: (id: number) => [...gradingKeys.members(), id] as const,
  report: (organizationId: number, year: number) => [...gradingKeys.all, 'report', organizationId, year] as const,
};
