import { useQuery } from '@tanstack/react-query';
import type { MonthlySeries } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { duesKeys } from './keys.ts';

export function useMonthlySeries(organizationId: number, from: string, to: string, subtree: boolean) {
  return useQuery({
    queryKey: duesKeys.series(organizationId, from, to, subtree),
    queryFn: () => api.get<MonthlySeries>(`/api/dues/organizations/${organizationId}/monthly`, { from, to, subtree: subtree ? '1' : '0' }),
    placeholderData: (previous) => previous,
  });
}
