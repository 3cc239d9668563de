import { useQuery } from '@tanstack/react-query';
import type { Readmission } from '../../../../common/contracts/removal.contract.ts';
import { api } from '../../../api/http.ts';
import { removalKeys } from './keys.ts';

export function useReadmission(memberId: number, enabled = true) {
  return useQuery({
    queryKey: removalKeys.readmission(memberId),
    queryFn: () => api.get<Readmission>(`/api/members/${memberId}/readmission`),
    enabled,
  });
}
