import { useQuery } from '@tanstack/react-query';
import type { MemberDues } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { duesKeys } from './keys.ts';

export function useMemberDues(memberId: number, year: number, enabled = true) {
  return useQuery({
    queryKey: duesKeys.member(memberId, year),
    queryFn: () => api.get<MemberDues>(`/api/dues/members/${memberId}`, { year }),
    placeholderData: (previous) => previous,
    enabled: enabled && memberId > 0,
  });
}
