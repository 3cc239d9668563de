import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DueDates } from '../../../../common/contracts/transfers.contract.ts';
import { isIsoDate } from '../../../../common/rules/iso-date.ts';
import { api } from '../../../api/http.ts';
import { transferKeys } from './keys.ts';

/** R-MGT-05 due dates on the administrator's working calendar, as the server will store them. */
export function useDueDates(issuedOn: string | null | undefined, triggeredOn: string | null | undefined) {
  const ok = isIsoDate(issuedOn);
  return useQuery({
    queryKey: transferKeys.dueDates(issuedOn ?? '', triggeredOn ?? null),
    queryFn: () => api.get<DueDates>('/api/transfers/due-dates', { issuedOn, triggeredOn: isIsoDate(triggeredOn) ? triggeredOn : undefined }),
    enabled: ok,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
