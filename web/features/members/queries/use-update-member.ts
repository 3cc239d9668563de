import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MemberDetail, ZUpdateMember } from '../../../../common/contracts/members.contract.ts';
import { api } from '../../../api/http.ts';
import { memberKeys } from './keys.ts';

export type UpdateMemberBody = z.input<typeof ZUpdateMember>;

/** PUT with the version read; a stale version answers 409 CONFLICT and nothing is overwritten. */
export function useUpdateMember(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMemberBody) => api.put<MemberDetail>(`/api/members/${id}`, body),
    onSuccess: (member) => {
      qc.setQueryData(memberKeys.detail(id), member);
      void qc.invalidateQueries({ queryKey: memberKeys.lists() });
    },
  });
}
