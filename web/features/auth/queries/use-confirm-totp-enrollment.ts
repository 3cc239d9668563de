import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../common/contracts/auth.contract.ts';
import { api } from '../../../api/http.ts';
import { authKeys } from './keys.ts';

/** POST /api/auth/totp/confirm: a code from the new secret makes it the account's factor; the answer starts a full session. */
export function useConfirmTotpEnrollment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<Me>('/api/auth/totp/confirm', { code }),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(authKeys.me(), me);
    },
  });
}
