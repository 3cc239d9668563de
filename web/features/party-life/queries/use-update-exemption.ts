import type { z } from 'zod';
import type { Exemption, ZUpdateExemption } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { useChange } from './use-party-life-change.ts';

export type UpdateExemptionBody = z.input<typeof ZUpdateExemption>;

/** PUT /api/exemptions/:id */
export function useUpdateExemption() {
  return useChange(({ id, ...b }: UpdateExemptionBody & { id: number }) => api.put<Exemption>(`/api/exemptions/${id}`, b));
}
