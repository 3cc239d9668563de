import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MemberDetail, ZRecordMemberEvent } from '../../../../common/contracts/members.contract.ts';
import { api } from '../../../api/http.ts';
import { memberKeys } from './keys.ts';

export type RecordMemberEventBody = z.input<typeof ZRecordMemberEvent>;

export function useRecordMemberEvent(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordMemberEventBody) => api.post<MemberDetail>(`/api/members/${id}/events`, body),
    onSuccess: (member) => {
      qc.setQueryData(memberKeys.detail(id), member);
      void qc.invalidateQueries({ queryKey: memberKeys.lists() });
      void qc.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}
