import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FlagList } from '../../../../common/contracts/screening.contract.ts';
import { api } from '../../../api/http.ts';
import { screeningKeys } from './keys.ts';

export interface FlagFilter {
  organizationId: number | undefined;
  year: number;
  status: 'all' | 'open' | 'closed' | 'overdue' | 'escalated';
  kind?: string;
  page: number;
}

export function useFlags(f: FlagFilter) {
  return useQuery({
    queryKey: screeningKeys.flags({ ...f }),
    queryFn: () => api.get<FlagList>('/api/screening/flags', { organizationId: f.organizationId, year: f.year, status: f.status, kind: f.kind, page: f.page, pageSize: 200 }),
    enabled: f.organizationId !== undefined,
    placeholderData: keepPreviousData,
  });
}
