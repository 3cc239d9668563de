export const admissionKeys = {
  all: ['admissions'] as const,
  lists: () => [...admissionKeys.all, 'list'] as const,
  list: (p: { organizationId?: number; scope: 'open' | 'all'; q?: string }) => [...admissionKeys.lists(), p] as const,
  details: () => [...admissionKeys.all, 'detail'] as const,
  detail: (id: number) => [...admissionKeys.details(), id] as const,
  roll: (id: number, date: string) => [...admissionKeys.all, 'roll', id, date] as const,
  deadlines: (organizationId?: number) => [...admissionKeys.all, 'deadlines', organizationId ?? null] as const,
  quality: (organizationId: number | undefined, year: number) => [...admissionKeys.all, 'quality', organizationId ?? null, year] as const,
};
