import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClassDetail, ZIssueCertificates } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export type IssueCertificatesBody = z.input<typeof ZIssueCertificates>;

export function useIssueCertificates(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueCertificatesBody) => api.post<ClassDetail>(`/api/training/classes/${classId}/certificates`, body),
    onSuccess: (k) => {
      qc.setQueryData(trainingKeys.detail(classId), k);
      void qc.invalidateQueries({ queryKey: trainingKeys.lists() });
      void qc.invalidateQueries({ queryKey: [...trainingKeys.all, 'person-certificates'] });
      void qc.invalidateQueries({ queryKey: [...trainingKeys.all, 'next-number'] });
    },
  });
}
