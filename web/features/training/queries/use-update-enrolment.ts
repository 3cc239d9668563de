import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClassDetail, Enrolment, ZUpdateEnrolment } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export type UpdateEnrolmentBody = z.input<typeof ZUpdateEnrolment>;

/** Inline entry of attendance or score: the saved row replaces its line in the cached class. */
export function useUpdateEnrolment(classId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateEnrolmentBody }) => api.patch<Enrolment>(`/api/training/enrolments/${id}`, body),
    onSuccess: (e) => {
      qc.setQueryData<ClassDetail>(trainingKeys.detail(classId), (k) => (k ? { ...k, enrolments: k.enrolments.map((x) => (x.id === e.id ? e : x)) } : k));
      void qc.invalidateQueries({ queryKey: trainingKeys.lists() });
    },
  });
}
