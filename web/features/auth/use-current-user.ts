import type { Me } from '../../../common/contracts/auth.contract.ts';
import { useMe } from './queries/use-me.ts';

/** The signed-in user inside the app shell, which renders its pages only once GET /api/auth/me has answered. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the app shell');
  return data;
}
