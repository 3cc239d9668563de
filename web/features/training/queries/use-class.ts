import { useQuery } from '@tanstack/react-query';
import type { ClassDetail } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export function useClass(id: number | null) {
  return useQuery({
    queryKey: trainingKeys.detail(id ?? 0),
    queryFn: () => api.get<ClassDetail>(`/api/training/classes/${id}`),
    enabled: id !== null,
  });
}
