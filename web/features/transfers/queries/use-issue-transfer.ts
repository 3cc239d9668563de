import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TransferDetail, ZIssueTransfer } from '../../../../common/contracts/transfers.contract.ts';
import { api } from '../../../api/http.ts';
import { transferKeys } from './keys.ts';

export type IssueTransferBody = z.input<typeof ZIssueTransfer>;

export function useIssueTransfer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueTransferBody) => api.post<TransferDetail>('/api/transfers', body),
    onSuccess: (x) => {
      qc.setQueryData(transferKeys.detail(x.id), x);
      void qc.invalidateQueries({ queryKey: transferKeys.all });
    },
  });
}
