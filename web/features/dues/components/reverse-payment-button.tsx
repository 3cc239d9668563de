import { App, Button, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import type { DuesPayment } from '../../../../common/contracts/dues.contract.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useReversePayment } from '../queries/use-reverse-payment.ts';
import { duesErrorText } from './violation-list.tsx';

/** Cancels a recorded payment by a reversal entry (payments are append-only); asks for the reason. */
export function ReversePaymentButton({ payment }: { payment: DuesPayment }) {
  const t = useT();
  const { message } = App.useApp();
  const reverse = useReversePayment();
  const [reason, setReason] = useState('');
  return (
    <Popconfirm
      title={t('dues.payment.reverseTitle')}
      description={<Input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('dues.payment.reverseReason')} maxLength={300} style={{ width: 280 }} />}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: reason.trim() === '', loading: reverse.isPending, danger: true }}
      onConfirm={() =>
        reverse.mutateAsync({ id: payment.id, reason: reason.trim() }).then(
          () => {
            setReason('');
            void message.success(t('dues.payment.reversedOk'));
          },
          (err: unknown) => void message.error(duesErrorText(t, err)),
        )
      }
    >
      <Button size="small" type="link" danger style={{ paddingInline: 0 }}>
        {t('dues.payment.reverse')}
      </Button>
    </Popconfirm>
  );
}
