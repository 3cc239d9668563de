import { useQuery } from '@tanstack/react-query';
import type { CellArrears } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { duesKeys } from './keys.ts';

export function useCellArrears(organizationId: number, asOf: string | null, year: number) {
  return useQuery({
    queryKey: duesKeys.arrears(organizationId, asOf, year),
    queryFn: () => api.get<CellArrears>(`/api/dues/organizations/${organizationId}/arrears`, { asOf, year }),
    placeholderData: (previous) => previous,
  });
}
