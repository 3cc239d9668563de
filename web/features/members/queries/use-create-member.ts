import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MemberDetail, ZCreateMember } from '../../../../common/contracts/members.contract.ts';
import { api } from '../../../api/http.ts';
import { memberKeys } from './keys.ts';

export type CreateMemberBody = z.input<typeof ZCreateMember>;

export function useCreateMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMemberBody) => api.post<MemberDetail>('/api/members', body),
    onSuccess: (member) => {
      qc.setQueryData(memberKeys.detail(member.id), member);
      void qc.invalidateQueries({ queryKey: memberKeys.lists() });
      // Member counts on the tree change too.
      void qc.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}
