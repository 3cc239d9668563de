import { Link } from 'react-router';
import type { Me } from '../../../common/contracts/auth.contract.ts';
import { canDues } from './can-dues.ts';

/** The shell's menu entry: officials get the dues screens of their organization, a member their own dues. */
export function duesNavItem(me: Me, t: (k: string) => string): { key: string; label: React.ReactNode } | null {
  if (me.role === 'member') return me.memberId ? { key: `/dues/members/${me.memberId}`, label: <Link to={`/dues/members/${me.memberId}`}>{t('nav.myDues')}</Link> } : null;
  return canDues.readOrganizations(me.role) ? { key: '/dues', label: <Link to="/dues">{t('nav.dues')}</Link> } : null;
}
