import { useMutation } from '@tanstack/react-query';
import type { TotpEnrollment } from '../../../../common/contracts/auth.contract.ts';
import { api } from '../../../api/http.ts';

/** POST /api/auth/totp/enroll: a new secret, its otpauth:// URI and QR code (SVG drawn by the server). Shown once. */
export function useStartTotpEnrollment() {
  return useMutation({
    mutationFn: () => api.post<TotpEnrollment>('/api/auth/totp/enroll'),
  });
}
