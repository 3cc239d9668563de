import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginResponse, Me } from '../../../../common/contracts/auth.contract.ts';
import { api } from '../../../api/http.ts';
import { authKeys } from './keys.ts';

/** True when the password was right and a second step remains (the TOTP code, or enrolling a factor first). */
export function isMfaStep(res: LoginResponse): res is Exclude<LoginResponse, Me> {
  return 'mfaRequired' in res || 'mfaEnrollmentRequired' in res;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.post<LoginResponse>('/api/auth/login', input),
    onSuccess: (res) => {
      // A new session may be another user: nothing cached from before may leak into it.
      qc.clear();
      if (!isMfaStep(res)) qc.setQueryData(authKeys.me(), res);
    },
  });
}
