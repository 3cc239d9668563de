import { useQuery } from '@tanstack/react-query';
import type { CellResidence } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { partyLifeKeys } from './keys.ts';

/** GET /api/organizations/:id/residence: registrations of the cell's members and of those living in its area. */
export function useCellResidence(cellId: number) {
  return useQuery({
    queryKey: partyLifeKeys.residence(cellId),
    queryFn: () => api.get<CellResidence>(`/api/organizations/${cellId}/residence`),
  });
}
