import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { GoodReason, ZCreateGoodReason } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export type GoodReasonBody = z.input<typeof ZCreateGoodReason>;

export function useCreateGoodReason(memberId: number) {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: (body: GoodReasonBody) => api.post<GoodReason>(`/api/dues/members/${memberId}/good-reasons`, body),
    onSuccess: () => void invalidate(),
  });
}
