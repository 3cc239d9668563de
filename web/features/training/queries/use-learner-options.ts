import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZLearnerOptions } from '../../../../common/contracts/training.contract.ts';
import { fetchSearch } from '../../../api/search.ts';
import { trainingKeys } from './keys.ts';

/** Open candidates and active members in scope whose name (or citizen id, sent in a body) matches: people who may be enrolled. */
export function useLearnerOptions(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: trainingKeys.learners(term),
    queryFn: () => fetchSearch<z.infer<typeof ZLearnerOptions>>('/api/training/learners', { q: term }),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  });
}
