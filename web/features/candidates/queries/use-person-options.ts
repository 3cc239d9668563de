import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZPersonOptions } from '../../../../common/contracts/candidates.contract.ts';
import { fetchSearch } from '../../../api/search.ts';
import { candidateKeys } from './keys.ts';

/** Former candidates and former members in scope, for introducing a person already on file (a citizen id goes in a body). */
export function usePersonOptions(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: candidateKeys.personOptions(term),
    queryFn: () => fetchSearch<z.infer<typeof ZPersonOptions>>('/api/candidates/person-options', { q: term }),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  });
}
