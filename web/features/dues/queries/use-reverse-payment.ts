import { useMutation } from '@tanstack/react-query';
import type { DuesPayment } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export function useReversePayment() {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => api.post<DuesPayment>(`/api/dues/payments/${id}/reverse`, { reason }),
    onSuccess: () => void invalidate(),
  });
}
