import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZPersonCertificates } from '../../../../common/contracts/training.contract.ts';
import { api } from '../../../api/http.ts';
import { trainingKeys } from './keys.ts';

export function usePersonCertificates(personId: number | null) {
  return useQuery({
    queryKey: trainingKeys.personCertificates(personId ?? 0),
    queryFn: () => api.get<z.infer<typeof ZPersonCertificates>>(`/api/persons/${personId}/certificates`),
    enabled: personId !== null,
  });
}
