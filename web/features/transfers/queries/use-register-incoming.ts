import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TransferDetail, ZRegisterIncoming } from '../../../../common/contracts/transfers.contract.ts';
import { api } from '../../../api/http.ts';
import { memberKeys } from '../../members/queries/keys.ts';
import { transferKeys } from './keys.ts';

export type RegisterIncomingBody = z.input<typeof ZRegisterIncoming>;

export function useRegisterIncoming() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterIncomingBody) => api.post<TransferDetail>('/api/transfers/incoming', body),
    onSuccess: (x) => {
      qc.setQueryData(transferKeys.detail(x.id), x);
      void qc.invalidateQueries({ queryKey: transferKeys.all });
      void qc.invalidateQueries({ queryKey: memberKeys.all });
    },
  });
}
