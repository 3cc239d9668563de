import { useQuery } from '@tanstack/react-query';
import type { Reconciliation } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { duesKeys } from './keys.ts';

export function useReconciliation(organizationId: number, year: number) {
  return useQuery({
    queryKey: duesKeys.reconciliation(organizationId, year),
    queryFn: () => api.get<Reconciliation>(`/api/dues/organizations/${organizationId}/remittances`, { year }),
    placeholderData: (previous) => previous,
  });
}
