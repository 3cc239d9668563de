import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../../common/contracts/auth.contract.ts';
import { api } from '../../../api/http.ts';
import { authKeys } from './keys.ts';

/** POST /api/auth/totp: the code after the password; the answer is the signed-in user (a new session). */
export function useVerifyTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<Me>('/api/auth/totp', { code }),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(authKeys.me(), me);
    },
  });
}
