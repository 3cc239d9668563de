import { useQuery } from '@tanstack/react-query';
import type { TransferDetail } from '../../../../common/contracts/transfers.contract.ts';
import { api } from '../../../api/http.ts';
import { transferKeys } from './keys.ts';

export function useTransfer(id: number | null) {
  return useQuery({
    queryKey: transferKeys.detail(id ?? 0),
    queryFn: () => api.get<TransferDetail>(`/api/transfers/${id}`),
    enabled: id !== null,
  });
}
