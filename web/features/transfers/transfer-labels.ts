import type { TransferStatus, TransferSummary } from '../../../common/contracts/transfers.contract.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

export const TRANSFER_STATUS_COLOR: Record<TransferStatus, string> = {
  issued: 'gold',
  received: 'green',
  overdue: 'red',
  cancelled: 'default',
  returned: 'blue',
};

/** Overdue rows are tinted in every list so they stand out (R-MGT-05: late letters are reported). */
export const OVERDUE_ROW_STYLE: React.CSSProperties = { background: '#fff1f0' };

/** The destination as people say it: the cell in the system, or the organization outside it. */
export function destinationName(t: T, x: Pick<TransferSummary, 'direction' | 'to' | 'outsideOrganizationName'>): string {
  if (x.direction === 'outgoing') return `${x.outsideOrganizationName ?? ''} (${t('transfers.outside')})`;
  return x.to?.name ?? '';
}

export function originName(t: T, x: Pick<TransferSummary, 'direction' | 'from' | 'outsideOrganizationName'>): string {
  if (x.direction === 'incoming') return `${x.outsideOrganizationName ?? ''} (${t('transfers.outside')})`;
  return x.from?.name ?? '';
}

const LAST_LIST_KEY = 'dv.transfers.lastListQuery';

export function rememberTransferListQuery(search: string) {
  try {
    sessionStorage.setItem(LAST_LIST_KEY, search);
  } catch {
    /* storage disabled */
  }
}

export function lastTransferListUrl(): string {
  let search = '';
  try {
    search = sessionStorage.getItem(LAST_LIST_KEY) ?? '';
  } catch {
    /* storage disabled */
  }
  return search ? `/transfers?${search}` : '/transfers';
}
