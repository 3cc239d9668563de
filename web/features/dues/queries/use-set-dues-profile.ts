import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DuesProfileVersion, ZSetDuesProfile } from '../../../../common/contracts/dues.contract.ts';
import { api } from '../../../api/http.ts';
import { useInvalidateDues } from './use-invalidate-dues.ts';

export type SetDuesProfileBody = z.input<typeof ZSetDuesProfile>;

export function useSetDuesProfile(memberId: number) {
  const invalidate = useInvalidateDues();
  return useMutation({
    mutationFn: (body: SetDuesProfileBody) => api.put<DuesProfileVersion>(`/api/dues/members/${memberId}/profile`, body),
    onSuccess: () => void invalidate(),
  });
}
