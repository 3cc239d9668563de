import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TransferSummary } from '../../../common/contracts/transfers.contract.ts';
import { errorText } from '../../components/api-error.ts';
import { showDate } from '../../components/dates.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { canTransfers } from './can-transfers.ts';
import { TransferStatusTag } from './components/transfer-status-tag.tsx';
import { useMemberTransfers } from './queries/use-member-transfers.ts';
import { destinationName, OVERDUE_ROW_STYLE, originName } from './transfer-labels.ts';

/**
 * The member page's card of transfers (issue 4 item 7: transfers on the member's timeline): every letter the viewer
 * may see, newest first, each linking to its transfer page; officials who manage transfers can issue a new letter.
 */
export function MemberTransfersPanel({ memberId }: { memberId: number }) {
  const t = useT();
  const me = useCurrentUser();
  const transfers = useMemberTransfers(memberId);
  const items = transfers.data?.items ?? [];
  const hasOpen = items.some((x) => x.status === 'issued' || x.status === 'overdue' || (x.kind === 'temporary' && x.status === 'received'));
  const canIssue = canTransfers.manage(me.role) && !hasOpen;

  return (
    <Card
      size="small"
      title={t('transfers.panel.title')}
      extra={
        canIssue ? (
          <Link to={`/transfers/new?memberId=${memberId}`}>
            <Button size="small">+ {t('transfers.panel.issue')}</Button>
          </Link>
        ) : undefined
      }
    >
      {transfers.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : transfers.isError ? (
        <Alert type="error" showIcon title={errorText(t, transfers.error)} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfers.panel.empty')} />
      ) : (
        <Flex vertical gap={8}>
          {items.map((x) => (
            <Row key={x.id} x={x} t={t} />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function Row({ x, t }: { x: TransferSummary; t: (k: string, p?: Record<string, unknown>) => string }) {
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px', ...(x.status === 'overdue' ? OVERDUE_ROW_STYLE : {}) }}>
      <Flex justify="space-between" gap={8} wrap align="center">
        <Space size={6} wrap>
          <Link to={`/transfers/${x.id}`} style={{ fontWeight: 500 }}>
            {t('transfers.letterOn', { number: x.letterNumber, date: showDate(x.issuedOn) })}
          </Link>
          <Tag color={x.kind === 'official' ? 'geekblue' : 'cyan'}>{t(`transfers.kind.${x.kind}`)}</Tag>
        </Space>
        <Space size={4} wrap>
          <TransferStatusTag status={x.status} />
          {x.receivedLate && <Tag color="orange">{t('transfers.late.received')}</Tag>}
        </Space>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {originName(t, x)} → {destinationName(t, x)}
        {x.receivedOn
          ? ` · ${t('transfers.receivedOnShort', { date: showDate(x.receivedOn) })}`
          : x.status === 'cancelled'
            ? ''
            : ` · ${t('transfers.f.presentationDue')}: ${showDate(x.presentationDue)}`}
        {x.kind === 'temporary' && x.temporaryFrom && x.temporaryTo ? ` · ${showDate(x.temporaryFrom)} – ${showDate(x.temporaryTo)}` : ''}
      </Typography.Text>
    </div>
  );
}
