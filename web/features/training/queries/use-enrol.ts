import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClassDetail } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export function useEnrol(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (personId: number) => api.post<ClassDetail>(`/api/training/classes/${classId}/enrolments`, { personId }),
    onSuccess: (k) => {
      qc.setQueryData(trainingKeys.detail(classId), k);
      void qc.invalidateQueries({ queryKey: trainingKeys.lists() });
      // A candidate enrolled in the party-awareness course moves to "in training".
      void qc.invalidateQueries({ queryKey: ['candidates'] });
    },
  });
}
