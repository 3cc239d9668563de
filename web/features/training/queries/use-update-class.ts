import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClassDetail, ZUpdateClass } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export type UpdateClassBody = z.input<typeof ZUpdateClass>;

/** Compare-and-set on `version`: a stale one answers 409 CONFLICT and changes nothing. */
export function useUpdateClass(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateClassBody) => api.put<ClassDetail>(`/api/training/classes/${id}`, body),
    onSuccess: (k) => {
      qc.setQueryData(trainingKeys.detail(id), k);
      void qc.invalidateQueries({ queryKey: trainingKeys.lists() });
    },
  });
}
