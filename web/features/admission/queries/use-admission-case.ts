import { useQuery } from '@tanstack/react-query';
import type { AdmissionCaseDetail } from '../../../../common/contracts/admission.contract.ts';
import { api } from '../../../api/http.ts';
import { admissionKeys } from './keys.ts';

export function useAdmissionCase(id: number | null) {
  return useQuery({
    queryKey: admissionKeys.detail(id ?? 0),
    queryFn: () => api.get<AdmissionCaseDetail>(`/api/admissions/${id}`),
    enabled: id !== null,
  });
}
