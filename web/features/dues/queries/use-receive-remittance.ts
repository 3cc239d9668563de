import { useMutation } from '@tanstack/react-query';
import type { Remittance } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export function useReceiveRemittance() {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: { receivedOn: string; receivedBy: string; version: number } }) =>
      api.post<Remittance>(`/api/dues/remittances/${id}/receive`, body),
    onSuccess: () => void invalidate(),
  });
}
