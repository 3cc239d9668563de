import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TransferDetail } from '../../../common/contracts/transfers.contract.ts';
import { ApiError } from '../../api/http.ts';
import { showDate } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { MemberStatusTag } from '../../components/status-tag.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { parseId } from '../members/member-labels.ts';
import { canTransfers } from './can-transfers.ts';
import { type StepKind, TransferStepModal } from './components/transfer-step-modal.tsx';
import { TransferStatusTag } from './components/transfer-status-tag.tsx';
import { useTransfer } from './queries/use-transfer.ts';
import { destinationName, lastTransferListUrl, originName } from './transfer-labels.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

const EVENT_COLOR: Record<TransferDetail['events'][number]['kind'], string> = {
  issued: '#1677ff',
  received: '#52c41a',
  registered: '#52c41a',
  overdue_marked: '#cf1322',
  cancelled: '#8c8c8c',
  returned: '#1677ff',
};

export function TransferPage() {
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const transfer = useTransfer(id);
  const t = useT();
  usePageTitle(transfer.data ? t('transfers.page.title', { number: transfer.data.letterNumber }) : t('transfers.title'));
  if (!canTransfers.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (transfer.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (transfer.isError) return <PageError error={transfer.error} onRetry={() => void transfer.refetch()} />;
  return <TransferView x={transfer.data} t={t} />;
}

/** The case as steps: the letter, its presentation at the destination, and what receipt does to the member. */
function stepsOf(x: TransferDetail, t: T) {
  const presented = x.receivedOn !== null;
  const third =
    x.direction === 'incoming'
      ? { title: t('transfers.step.registered'), content: showDate(x.receivedOn) }
      : x.kind === 'temporary'
        ? {
            title: t('transfers.step.return'),
            content: x.returnedOn ? showDate(x.returnedOn) : x.temporaryTo ? t('transfers.step.returnPlanned', { date: showDate(x.temporaryTo) }) : '',
          }
        : { title: t(x.direction === 'internal' ? 'transfers.step.move' : 'transfers.step.leave'), content: presented ? showDate(x.receivedOn) : x.to?.name ?? x.outsideOrganizationName ?? '' };
  const items = [
    { title: t('transfers.step.issued'), content: `${x.letterNumber} · ${showDate(x.issuedOn)}`, status: 'finish' as const },
    {
      title: x.status === 'cancelled' ? t('transfers.status.cancelled') : t('transfers.step.present'),
      content:
        x.status === 'cancelled'
          ? showDate(x.cancelledOn)
          : presented
            ? `${showDate(x.receivedOn)}${x.receivedLate ? ` · ${t('transfers.late.received')}` : ''}`
            : t('transfers.step.presentDue', { date: showDate(x.presentationDue) }),
      status: x.status === 'overdue' || x.status === 'cancelled' ? ('error' as const) : presented ? ('finish' as const) : ('process' as const),
    },
    {
      ...third,
      status:
        x.status === 'cancelled'
          ? ('wait' as const)
          : x.kind === 'temporary' && x.direction !== 'incoming'
            ? x.status === 'returned'
              ? ('finish' as const)
              : presented
                ? ('process' as const)
                : ('wait' as const)
            : presented
              ? ('finish' as const)
              : ('wait' as const),
    },
  ];
  return items;
}

function TransferView({ x, t }: { x: TransferDetail; t: T }) {
  const me = useCurrentUser();
  const [step, setStep] = useState<StepKind | null>(null);
  const can = (a: TransferDetail['allowedActions'][number]) => x.allowedActions.includes(a);
  const text = (v: string | null | undefined) => v || <Typography.Text type="secondary">—</Typography.Text>;
  const open = x.status === 'issued' || x.status === 'overdue';
  const receiving = x.side === 'receiving' || x.side === 'both';
  const sending = x.side === 'sending' || x.side === 'both';
  const today = dayjs().format('YYYY-MM-DD');
  // The member's record is in the viewer's scope only where the member is recorded now.
  const canOpenMember =
    x.side === 'both' ||
    x.side === 'member' ||
    (x.side === 'sending' && x.member.organization.id === x.from?.id) ||
    (x.side === 'receiving' && x.member.organization.id === x.to?.id);
  const away = x.kind === 'temporary' && x.status !== 'cancelled' && x.status !== 'returned' && x.temporaryFrom && x.temporaryTo && x.temporaryFrom <= today && today <= x.temporaryTo;

  const details = [
    {
      key: 'member',
      label: t('transfers.f.member'),
      children: (
        <Space wrap>
          <strong>{x.member.fullName}</strong>
          <MemberStatusTag status={x.member.status} />
          {canOpenMember && <Link to={`/members/${x.member.id}`}>{t('transfers.page.memberRecord')}</Link>}
        </Space>
      ),
      span: 2,
    },
    { key: 'birth', label: t('transfers.f.birthDate'), children: showDate(x.member.birthDate) },
    { key: 'card', label: t('transfers.f.cardNumber'), children: text(x.member.cardNumber) },
    { key: 'cell', label: t('transfers.f.currentCell'), children: x.member.organization.name, span: 2 },
    { key: 'from', label: t('transfers.f.from'), children: originName(t, x), span: 2 },
    { key: 'to', label: t('transfers.f.to'), children: <strong>{destinationName(t, x)}</strong>, span: 2 },
    {
      key: 'kind',
      label: t('transfers.f.kind'),
      children: (
        <Space size={4} wrap>
          <Tag color={x.kind === 'official' ? 'geekblue' : 'cyan'}>{t(`transfers.kind.${x.kind}`)}</Tag>
          <Tag>{t(`transfers.direction.${x.direction}`)}</Tag>
        </Space>
      ),
    },
    x.kind === 'official'
      ? { key: 'trigger', label: t('transfers.f.trigger'), children: x.trigger ? `${t(`transfers.trigger.${x.trigger}`)}${x.triggeredOn ? ` · ${showDate(x.triggeredOn)}` : ''}` : text(null) }
      : {
          key: 'period',
          label: t('transfers.f.temporaryPeriod'),
          children: `${showDate(x.temporaryFrom)} – ${showDate(x.temporaryTo)}${x.temporaryPurpose ? ` · ${t(`transfers.purpose.${x.temporaryPurpose}`)}` : ''}`,
        },
    { key: 'letter', label: t('transfers.f.letterNumber'), children: t('transfers.letterOn', { number: x.letterNumber, date: showDate(x.issuedOn) }) },
    ...(x.direction !== 'incoming'
      ? [{ key: 'signer', label: t('transfers.f.signerName'), children: x.signerName ? `${x.signerTitle ?? ''} ${x.signerName}`.trim() : text(null) }]
      : []),
    ...(x.kind === 'official'
      ? [
          {
            key: 'startDue',
            label: t('transfers.f.startDue'),
            children: x.startDue ? (
              <Space size={4}>
                {showDate(x.startDue)}
                {x.startedLate && <Tag color="orange">{t('transfers.late.started')}</Tag>}
              </Space>
            ) : (
              text(null)
            ),
          },
        ]
      : []),
    {
      key: 'presentationDue',
      label: t('transfers.f.presentationDue'),
      children: (
        <Typography.Text strong type={x.status === 'overdue' ? 'danger' : undefined}>
          {showDate(x.presentationDue)}
        </Typography.Text>
      ),
    },
    {
      key: 'received',
      label: t('transfers.f.receivedOn'),
      children: x.receivedOn ? (
        <Space size={4} wrap>
          {showDate(x.receivedOn)}
          {x.receivedLate && <Tag color="orange">{t('transfers.late.received')}</Tag>}
          {x.receivedBy && <Typography.Text type="secondary">({x.receivedBy})</Typography.Text>}
        </Space>
      ) : (
        text(null)
      ),
    },
    ...(x.receiptRef || x.direction === 'outgoing' ? [{ key: 'receiptRef', label: t('transfers.f.receiptRef'), children: text(x.receiptRef) }] : []),
    ...(x.returnedOn ? [{ key: 'returned', label: t('transfers.f.returnedOn'), children: showDate(x.returnedOn) }] : []),
    ...(x.note ? [{ key: 'note', label: t('transfers.f.note'), children: x.note, span: 2 }] : []),
  ];

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1280 }}>
      <div>
        {me.role !== 'member' ? <Link to={lastTransferListUrl()}>← {t('transfers.backToList')}</Link> : <Link to={`/members/${x.member.id}`}>← {x.member.fullName}</Link>}
        <Flex align="center" justify="space-between" gap={16} wrap style={{ marginTop: 8 }}>
          <div>
            <Space align="center" wrap>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t('transfers.page.title', { number: x.letterNumber })}
              </Typography.Title>
              <TransferStatusTag status={x.status} />
            </Space>
            <div>
              <Typography.Text type="secondary">
                {x.member.fullName} · {t('transfers.page.youAre', { side: t(`transfers.side.${x.side}`) })}
              </Typography.Text>
            </div>
          </div>
          <Space wrap>
            {can('download_letter') && <Button href={`/api/transfers/${x.id}/letter.docx`}>{t('transfers.page.download')}</Button>}
            {can('cancel') && (
              <Button danger onClick={() => setStep('cancel')}>
                {t('transfers.page.cancel')}
              </Button>
            )}
            {can('record_return') && <Button onClick={() => setStep('return')}>{t('transfers.page.recordReturn')}</Button>}
            {can('record_outside_confirmation') && (
              <Button type="primary" onClick={() => setStep('outside')}>
                {t('transfers.page.recordOutside')}
              </Button>
            )}
            {can('confirm_receipt') && (
              <Button type="primary" onClick={() => setStep('confirm')}>
                {t('transfers.page.confirm')}
              </Button>
            )}
          </Space>
        </Flex>
      </div>

      {x.status === 'overdue' && <Alert type="error" showIcon title={t('transfers.page.overdueAlert', { date: showDate(x.presentationDue) })} />}
      {x.status === 'cancelled' && <Alert type="warning" showIcon title={t('transfers.page.cancelledAlert', { date: showDate(x.cancelledOn), reason: x.cancelReason ?? '' })} />}
      {open && x.direction === 'internal' && receiving && can('confirm_receipt') && (
        <Alert type="info" showIcon title={t('transfers.page.receivingHint', { name: x.member.fullName, to: destinationName(t, x) })} />
      )}
      {open && x.direction === 'internal' && sending && !receiving && (
        <Alert type="info" showIcon title={t('transfers.page.sendingHint', { from: originName(t, x), date: showDate(x.presentationDue) })} />
      )}
      {open && x.direction === 'outgoing' && sending && <Alert type="info" showIcon title={t('transfers.page.outsideHint')} />}
      {away && <Alert type="info" showIcon title={t('transfers.page.awayAlert', { date: showDate(x.returnedOn ?? x.temporaryTo) })} />}

      <Card size="small" title={t('transfers.page.steps')}>
        <Steps items={stepsOf(x, t)} style={{ padding: '8px 8px 0' }} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('transfers.page.details')}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered items={details} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('transfers.page.history')}>
            <Timeline
              style={{ paddingTop: 8 }}
              items={x.events.map((e) => ({
                color: EVENT_COLOR[e.kind],
                content: (
                  <Flex vertical gap={2}>
                    <span>
                      <strong>{t(`transfers.event.${e.kind}`)}</strong> · {showDate(e.eventDate)}
                    </span>
                    {e.data.late === true && e.kind !== 'overdue_marked' && (
                      <Typography.Text type="warning" style={{ fontSize: 12 }}>
                        {t('transfers.event.late', { date: showDate(String(e.data.presentationDue ?? '')) })}
                      </Typography.Text>
                    )}
                    {e.note && <Typography.Text style={{ fontSize: 13 }}>{e.note}</Typography.Text>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.actor ? t('transfers.event.by', { name: e.actor }) : t('transfers.event.bySweep')} · {dayjs(e.at).format('DD/MM/YYYY HH:mm')}
                    </Typography.Text>
                  </Flex>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>

      <TransferStepModal transfer={x} kind={step} onClose={() => setStep(null)} />
    </Flex>
  );
}
