import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdmissionCaseDetail } from '../../../../common/contracts/admission.contract.ts';
import { api } from '../../../api/http.ts';
import { admissionKeys } from './keys.ts';

/**
 * Every step and every change of the file: POST (or PATCH) to /api/admissions/:id/<path> with the case version the
 * page shows; the answer is the case as it now is. A refused step answers RULE_VIOLATION and changes nothing.
 */
export function useCaseAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'post' }: { path: string; body: Record<string, unknown>; method?: 'post' | 'patch' }) =>
      method === 'patch' ? api.patch<AdmissionCaseDetail>(`/api/admissions/${id}/${path}`, body) : api.post<AdmissionCaseDetail>(`/api/admissions/${id}/${path}`, body),
    onSuccess: (d) => {
      qc.setQueryData(admissionKeys.detail(id), d);
      void qc.invalidateQueries({ queryKey: admissionKeys.lists() });
    },
    // A refusal is recorded on the server (the refused attempts list): show it.
    onError: () => void qc.invalidateQueries({ queryKey: admissionKeys.detail(id) }),
  });
}
