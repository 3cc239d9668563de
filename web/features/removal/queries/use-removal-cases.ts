import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RemovalCase, RemovalList, VoteBaseView } from '../../../../common/contracts/removal.contract.ts';
import { api } from '../../../api/http.ts';
import { removalKeys } from './keys.ts';

export function useRemovalCases(organizationId: number | undefined, status: 'open' | 'closed' | 'all') {
  return useQuery({
    queryKey: removalKeys.list({ organizationId, status }),
    queryFn: () => api.get<RemovalList>('/api/removal/cases', { organizationId, status }),
    enabled: organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRemovalCase(id: number | null) {
  return useQuery({
    queryKey: removalKeys.case(id ?? 0),
    queryFn: () => api.get<RemovalCase>(`/api/removal/cases/${id}`),
    enabled: id !== null,
  });
}

/** R-ADM-09: the vote base the server computes from the cell's roll on the meeting date. */
export function useVoteBase(id: number, date: string | null, meetingId: number | null) {
  return useQuery({
    queryKey: removalKeys.voteBase(id, date ?? '', meetingId),
    queryFn: () => api.get<VoteBaseView>(`/api/removal/cases/${id}/vote-base`, { date, meetingId }),
    enabled: date !== null,
    retry: false,
  });
}
