import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Remittance, ZCreateRemittance } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export type RemittanceBody = z.input<typeof ZCreateRemittance>;

export function useSaveRemittance(organizationId: number) {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: number; version?: number; body: RemittanceBody }) =>
      id ? api.put<Remittance>(`/api/dues/remittances/${id}`, { ...body, version }) : api.post<Remittance>(`/api/dues/organizations/${organizationId}/remittances`, body),
    onSuccess: () => void invalidate(),
  });
}
