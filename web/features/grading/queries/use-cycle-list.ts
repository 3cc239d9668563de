import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CycleList } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { gradingKeys } from './keys.ts';

export function useCycleList(params: { year?: number }) {
  return useQuery({
    queryKey: gradingKeys.list(params),
    queryFn: () => api.get<CycleList>('/api/grading/cycles', params),
    placeholderData: keepPreviousData,
  });
}
