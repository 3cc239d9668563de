import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CellMeetings } from '../../../../common/contracts/meetings.contract.ts';
import { api } from '../../../api/http.ts';
import { meetingKeys } from './keys.ts';

/** GET /api/organizations/:id/meetings?year=: a cell's meetings of the year and its R-MGT-03 compliance. */
export function useCellMeetings(cellId: number, year: number) {
  return useQuery({
    queryKey: meetingKeys.cellMeetings(cellId, year),
    queryFn: () => api.get<CellMeetings>(`/api/organizations/${cellId}/meetings`, { year }),
    placeholderData: keepPreviousData,
  });
}
