import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RecordPaymentsResult, ZRecordPayments } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export type RecordPaymentsBody = z.input<typeof ZRecordPayments>;

/** Many payments in one submission; the idempotency key makes a repeated submit (double click, retry) harmless. */
export function useRecordPayments() {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: (body: RecordPaymentsBody) => api.post<RecordPaymentsResult>('/api/dues/payments', body),
    onSuccess: () => void invalidate(),
  });
}
