import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZPersonOptions } from '../../../../common/contracts/candidates.contract.ts';
import { api } from '../../../api/http.ts';
import { candidateKeys } from './keys.ts';

/** Former candidates and former members in scope, for introducing a person already on file. */
export function usePersonOptions(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: candidateKeys.personOptions(term),
    queryFn: () => api.get<z.infer<typeof ZPersonOptions>>('/api/candidates/person-options', { q: term }),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  });
}
