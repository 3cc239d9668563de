export const conductKeys = {
  all: ['conduct'] as const,
  member: (memberId: number) => [...conductKeys.all, 'member', memberId] as const,
};
