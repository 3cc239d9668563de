import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClassDetail } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export function useRemoveEnrolment(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => api.delete<ClassDetail>(`/api/training/enrolments/${id}?version=${version}`),
    onSuccess: (k) => {
      qc.setQueryData(trainingKeys.detail(classId), k);
      void qc.invalidateQueries({ queryKey: trainingKeys.lists() });
    },
  });
}
