import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdmissionList } from '../../../../common/contracts/admission.contract.ts';
import { fetchSearch } from '../../../api/search.ts';
import { admissionKeys } from './keys.ts';

export function useAdmissionList(p: { organizationId?: number; scope: 'open' | 'all'; q?: string }) {
  return useQuery({
    queryKey: admissionKeys.list(p),
    queryFn: () => fetchSearch<AdmissionList>('/api/admissions', p),
    placeholderData: keepPreviousData,
  });
}
