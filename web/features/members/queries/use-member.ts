import { useQuery } from '@tanstack/react-query';
import type { MemberDetail } from '../../../../common/contracts/members.contract.ts';
import { api } from '../../../api/http.ts';
import { memberKeys } from './keys.ts';

export function useMember(id: number | null) {
  return useQuery({
    queryKey: memberKeys.detail(id ?? 0),
    queryFn: () => api.get<MemberDetail>(`/api/members/${id}`),
    enabled: id !== null,
  });
}
