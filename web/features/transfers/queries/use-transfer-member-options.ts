import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TransferMemberOptions } from '../../../../common/contracts/transfers.contract.ts';
import { fetchSearch } from '../../../api/search.ts';
import { transferKeys } from './keys.ts';

/** Active members of the user's subtree, by name (or citizen id, sent in a body), with any letter still in progress. */
export function useTransferMemberOptions(q: string, memberId?: number) {
  return useQuery({
    queryKey: [...transferKeys.memberOptions(q), memberId ?? null],
    queryFn: () => fetchSearch<TransferMemberOptions>('/api/transfers/member-options', { q: q || undefined, memberId }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
