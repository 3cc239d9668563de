import { useQuery } from '@tanstack/react-query';
import type { IncomingRemittances } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { duesKeys } from './keys.ts';

export function useIncomingRemittances(organizationId: number, year: number, enabled: boolean) {
  return useQuery({
    queryKey: duesKeys.incoming(organizationId, year),
    queryFn: () => api.get<IncomingRemittances>(`/api/dues/organizations/${organizationId}/incoming-remittances`, { year }),
    enabled,
  });
}
