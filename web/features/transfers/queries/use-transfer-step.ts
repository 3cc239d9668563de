import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TransferDetail } from '../../../../common/contracts/transfers.contract.ts';
import { api } from '../../../api/http.ts';
import { memberKeys } from '../../members/queries/keys.ts';
import { transferKeys } from './keys.ts';

export type TransferStepName = 'receipt' | 'cancel' | 'return';

/** One step of a transfer (POST /api/transfers/:id/{receipt|cancel|return}); a receipt may move the member, so members refresh too. */
export function useTransferStep(id: number, step: TransferStepName) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<TransferDetail>(`/api/transfers/${id}/${step}`, body),
    onSuccess: (x) => {
      qc.setQueryData(transferKeys.detail(x.id), x);
      void qc.invalidateQueries({ queryKey: transferKeys.lists() });
      void qc.invalidateQueries({ queryKey: transferKeys.ofMember(x.member.id) });
      void qc.invalidateQueries({ queryKey: memberKeys.all });
    },
    onError: () => {
      void qc.invalidateQueries({ queryKey: transferKeys.detail(id) });
    },
  });
}
