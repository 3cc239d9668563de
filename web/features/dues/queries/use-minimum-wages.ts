import { useQuery } from '@tanstack/react-query';
import type { MinimumWage } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { duesKeys } from './keys.ts';

export function useMinimumWages() {
  return useQuery({
    queryKey: duesKeys.wages(),
    queryFn: () => api.get<{ items: MinimumWage[] }>('/api/dues/minimum-wages'),
    staleTime: 5 * 60_000,
  });
}
