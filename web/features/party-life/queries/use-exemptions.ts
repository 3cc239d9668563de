import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ExemptionList } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { partyLifeKeys } from './keys.ts';

/** GET /api/organizations/:id/exemptions: decided by the cell, or within the whole subtree (the superior's view). */
export function useExemptions(organizationId: number, within: 'cell' | 'subtree', state: 'active' | 'all' = 'all') {
  return useQuery({
    queryKey: partyLifeKeys.exemptions(organizationId, within, state),
    queryFn: () => api.get<ExemptionList>(`/api/organizations/${organizationId}/exemptions`, { within, state }),
    placeholderData: keepPreviousData,
  });
}
