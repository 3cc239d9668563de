import type { CandidateListParams } from './use-candidate-list.ts';

export const candidateKeys = {
  all: ['candidates'] as const,
  lists: () => [...candidateKeys.all, 'list'] as const,
  list: (params: CandidateListParams) => [...candidateKeys.lists(), params] as const,
  details: () => [...candidateKeys.all, 'detail'] as const,
  detail: (id: number) => [...candidateKeys.details(), id] as const,
  helperOptions: (id: number) => [...candidateKeys.all, 'helper-options', id] as const,
  personOptions: (q: string) => [...candidateKeys.all, 'person-options', q] as const,
};
