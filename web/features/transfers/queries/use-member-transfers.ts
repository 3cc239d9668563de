import { useQuery } from '@tanstack/react-query';
import type { MemberTransfers } from '../../../../common/contracts/transfers.contract.ts';
import { api } from '../../../api/http.ts';
import { transferKeys } from './keys.ts';

export function useMemberTransfers(memberId: number) {
  return useQuery({
    queryKey: transferKeys.ofMember(memberId),
    queryFn: () => api.get<MemberTransfers>(`/api/members/${memberId}/transfers`),
  });
}
