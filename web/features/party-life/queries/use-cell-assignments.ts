import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CellAssignments } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { partyLifeKeys } from './keys.ts';

/** GET /api/organizations/:id/assignments?date=: the roster with assignments, exemptions and R-MGT-01 gaps. */
export function useCellAssignments(cellId: number, date?: string) {
  return useQuery({
    queryKey: partyLifeKeys.assignments(cellId, date),
    queryFn: () => api.get<CellAssignments>(`/api/organizations/${cellId}/assignments`, { date }),
    placeholderData: keepPreviousData,
  });
}
