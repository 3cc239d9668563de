import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZNextNumber } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export function useNextCertificateNumber(classId: number, issuedOn: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.nextNumber(classId, issuedOn ?? ''),
    queryFn: () => api.get<z.infer<typeof ZNextNumber>>(`/api/training/classes/${classId}/next-certificate-number`, { issuedOn: issuedOn! }),
    enabled: enabled && !!issuedOn,
    staleTime: 0,
  });
}
