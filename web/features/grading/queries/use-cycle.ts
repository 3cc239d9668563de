import { useQuery } from '@tanstack/react-query';
import type { CycleDetail } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { gradingKeys } from './keys.ts';

export function useCycle(id: number | null) {
  return useQuery({
    queryKey: gradingKeys.cycle(id ?? 0),
    queryFn: () => api.get<CycleDetail>(`/api/grading/cycles/${id}`),
    enabled: id !== null,
  });
}
