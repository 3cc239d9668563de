import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClassDetail, ZCreateClass } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export type CreateClassBody = z.input<typeof ZCreateClass>;

export function useCreateClass() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClassBody) => api.post<ClassDetail>('/api/training/classes', body),
    onSuccess: (k) => {
      qc.setQueryData(trainingKeys.detail(k.id), k);
      void qc.invalidateQueries({ queryKey: trainingKeys.lists() });
    },
  });
}
