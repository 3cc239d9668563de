import { Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { DuesPayment } from '../../../../common/contracts/dues.contract.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { formatVnd } from '../money.ts';
import { ReversePaymentButton } from './reverse-payment-button.tsx';

/** The payment lines of a month: amount, date, method, advance/late, reversal state, and the way to cancel one. */
export function PaymentList({ payments, canManage }: { payments: DuesPayment[]; canManage: boolean }) {
  const t = useT();
  return (
    <Flex vertical gap={6} style={{ minWidth: 300 }}>
      {payments.map((p) => {
        const paidMonth = p.paidOn.slice(0, 7);
        const when = paidMonth < p.forMonth ? 'advance' : paidMonth > p.forMonth ? 'late' : null;
        return (
          <Flex key={p.id} justify="space-between" align="baseline" gap={12}>
            <span>
              <strong style={{ textDecoration: p.reversedById ? 'line-through' : undefined }}>{formatVnd(p.amountVnd)}</strong>{' '}
              <Typography.Text type="secondary">
                {showDate(p.paidOn)} · {t(`dues.method.${p.method}`)}
                {p.reference ? ` · ${p.reference}` : ''}
              </Typography.Text>{' '}
              {when && <Tag color={when === 'advance' ? 'blue' : 'orange'}>{t(`dues.payment.${when}`)}</Tag>}
              {p.reversesPaymentId && <Tag>{t('dues.payment.reversal')}</Tag>}
              {p.reversedById && <Tag color="red">{t('dues.payment.reversed')}</Tag>}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dues.payment.recordedBy', { who: p.recordedBy ?? '—', at: dayjs(p.recordedAt).format('DD/MM/YYYY HH:mm') })}
                {p.note ? ` · ${p.note}` : ''}
              </Typography.Text>
            </span>
            {canManage && !p.reversedById && !p.reversesPaymentId && <ReversePaymentButton payment={p} />}
          </Flex>
        );
      })}
    </Flex>
  );
}
