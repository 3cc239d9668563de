import { useQuery } from '@tanstack/react-query';
import type { Deadlines } from '../../../../common/contracts/admission.contract.ts';
import { api } from '../../../api/http.ts';
import { admissionKeys } from './keys.ts';

export function useDeadlines(organizationId?: number) {
  return useQuery({
    queryKey: admissionKeys.deadlines(organizationId),
    queryFn: () => api.get<Deadlines>('/api/admissions/deadlines', { organizationId }),
  });
}
