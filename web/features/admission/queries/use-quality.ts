import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Quality } from '../../../../common/contracts/admission.contract.ts';
import { api } from '../../../api/http.ts';
import { admissionKeys } from './keys.ts';

export function useQuality(organizationId: number | undefined, year: number) {
  return useQuery({
    queryKey: admissionKeys.quality(organizationId, year),
    queryFn: () => api.get<Quality>('/api/admissions/quality', { organizationId, year }),
    placeholderData: keepPreviousData,
  });
}
