import { useQuery } from '@tanstack/react-query';
import type { MemberGrading } from '../../../../common/contracts/grading.contract.ts';
import { api } from '../../../api/http.ts';
import { gradingKeys } from './keys.ts';

export function useMemberGrading(memberId: number) {
  return useQuery({
    queryKey: gradingKeys.member(memberId),
    queryFn: () => api.get<MemberGrading>(`/api/grading/members/${memberId}`),
  });
}
