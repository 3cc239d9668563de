import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AdmissionCaseDetail, ZOpenAdmissionCase } from '../../../../common/contracts/admission.contract.ts';
import { api } from '../../../api/http.ts';
import { admissionKeys } from './keys.ts';

export type OpenCaseBody = z.input<typeof ZOpenAdmissionCase>;

export function useOpenCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenCaseBody) => api.post<AdmissionCaseDetail>('/api/admissions', body),
    onSuccess: (d) => {
      qc.setQueryData(admissionKeys.detail(d.id), d);
      void qc.invalidateQueries({ queryKey: admissionKeys.lists() });
    },
  });
}
