export const duesKeys = {
  all: ['dues'] as const,
  members: () => [...duesKeys.all, 'member'] as const,
  member: (memberId: number, year: number) => [...duesKeys.members(), memberId, year] as const,
  collection: (organizationId: number, month: string) => [...duesKeys.all, 'collection', organizationId, month] as const,
  arrears: (organizationId: number, asOf: string | null, year: number) => [...duesKeys.all, 'arrears', organizationId, asOf, year] as const,
  series: (organizationId: number, from: string, to: string, subtree: boolean) => [...duesKeys.all, 'series', organizationId, from, to, subtree] as const,
  reconciliation: (organizationId: number, year: number) => [...duesKeys.all, 'reconciliation', organizationId, year] as const,
  incoming: (organizationId: number, year: number) => [...duesKeys.all, 'incoming', organizationId, year] as const,
  wages: () => [...duesKeys.all, 'wages'] as const,
};
