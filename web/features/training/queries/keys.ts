import type { ClassListParams } from './use-class-list.ts';

export const trainingKeys = {
  all: ['training'] as const,
  lists: () => [...trainingKeys.all, 'list'] as const,
  list: (params: ClassListParams) => [...trainingKeys.lists(), params] as const,
  details: () => [...trainingKeys.all, 'detail'] as const,
  detail: (id: number) => [...trainingKeys.details(), id] as const,
  learners: (q: string) => [...trainingKeys.all, 'learners', q] as const,
  nextNumber: (classId: number, issuedOn: string) => [...trainingKeys.all, 'next-number', classId, issuedOn] as const,
  personCertificates: (personId: number) => [...trainingKeys.all, 'person-certificates', personId] as const,
};
