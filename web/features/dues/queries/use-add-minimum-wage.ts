import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MinimumWage, ZCreateMinimumWage } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export type MinimumWageBody = z.input<typeof ZCreateMinimumWage>;

export function useAddMinimumWage() {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: (body: MinimumWageBody) => api.post<{ items: MinimumWage[] }>('/api/dues/minimum-wages', body),
    onSuccess: () => void invalidate(),
  });
}
