import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClassList, CourseKind } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export type ClassListParams = { q?: string; courseKind?: CourseKind; year?: number; page: number; pageSize: number };

export function useClassList(params: ClassListParams) {
  return useQuery({
    queryKey: trainingKeys.list(params),
    queryFn: () => api.get<ClassList>('/api/training/classes', params),
    placeholderData: keepPreviousData,
  });
}
