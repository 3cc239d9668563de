import type { z } from 'zod';
import type { Exemption, ZCreateExemption } from '../../../../common/contracts/party-life.contract.ts';
import { api } from '../../../api/http.ts';
import { useChange } from './use-party-life-change.ts';

export type CreateExemptionBody = z.input<typeof ZCreateExemption>;

/** POST /api/organizations/:id/exemptions */
export function useCreateExemption(cellId: number) {
  return useChange((b: CreateExemptionBody) => api.post<Exemption>(`/api/organizations/${cellId}/exemptions`, b));
}
