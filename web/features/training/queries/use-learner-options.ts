import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZLearnerOptions } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

/** Open candidates and active members in scope whose name matches: people who may be enrolled. */
export function useLearnerOptions(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: trainingKeys.learners(term),
    queryFn: () => api.get<z.infer<typeof ZLearnerOptions>>('/api/training/learners', { q: term }),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  });
}
