import { Alert, App, Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { TEMPORARY_PURPOSES, TRANSFER_KINDS, type TransferKind, ZTransferTrigger } from '../../../common/contracts/transfers.contract.ts';
import { ApiError } from '../../api/http.ts';
import { applyFieldErrors, errorText, isApiError } from '../../components/api-error.ts';
import { showDate, todayIso } from '../../components/dates.ts';
import { IsoDatePicker } from '../../components/iso-date-picker.tsx';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { parseId } from '../members/member-labels.ts';
import { canTransfers } from './can-transfers.ts';
import { DestinationTreeSelect } from './components/destination-tree-select.tsx';
import { type MemberOption, MemberOptionSelect } from './components/member-option-select.tsx';
import { useDueDates } from './queries/use-due-dates.ts';
import { useIssueTransfer } from './queries/use-issue-transfer.ts';
import { lastTransferListUrl } from './transfer-labels.ts';

interface Values {
  memberId?: number;
  kind: TransferKind;
  direction: 'internal' | 'outgoing';
  toOrganizationId?: number;
  outsideOrganizationName?: string;
  trigger?: string;
  triggeredOn?: string | null;
  temporaryPurpose?: string;
  temporaryFrom?: string | null;
  temporaryTo?: string | null;
  letterNumber: string;
  issuedOn: string;
  signerTitle?: string | null;
  signerName?: string | null;
  note?: string | null;
}

const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

export function TransferIssuePage() {
  const me = useCurrentUser();
  if (!canTransfers.manage(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <IssueForm />;
}

function IssueForm() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [sp] = useSearchParams();
  const presetMemberId = parseId(sp.get('memberId') ?? undefined) ?? undefined;
  const [form] = Form.useForm<Values>();
  const issue = useIssueTransfer();
  const [picked, setPicked] = useState<MemberOption | undefined>();
  usePageTitle(t('transfers.new.title'));
  const kind = Form.useWatch('kind', form) ?? 'official';
  const direction = Form.useWatch('direction', form) ?? 'internal';
  const issuedOn = Form.useWatch('issuedOn', form);
  const triggeredOn = Form.useWatch('triggeredOn', form);
  const due = useDueDates(issuedOn, kind === 'official' ? triggeredOn : null);
  const required: Rule = { required: true, message: t('field.required') };
  const notFuture: Rule = { validator: (_, v?: string | null) => (v && v > todayIso() ? Promise.reject(new Error(t('field.date_in_future'))) : Promise.resolve()) };

  const onFinish = (v: Values) => {
    const official = v.kind === 'official';
    issue.mutate(
      {
        memberId: v.memberId!,
        kind: v.kind,
        direction: v.direction,
        toOrganizationId: v.direction === 'internal' ? (v.toOrganizationId ?? null) : null,
        outsideOrganizationName: v.direction === 'outgoing' ? blank(v.outsideOrganizationName) : null,
        trigger: official ? ((v.trigger as never) ?? null) : null,
        triggeredOn: official ? (v.triggeredOn ?? null) : null,
        temporaryPurpose: official ? null : ((v.temporaryPurpose as never) ?? null),
        temporaryFrom: official ? null : (v.temporaryFrom ?? null),
        temporaryTo: official ? null : (v.temporaryTo ?? null),
        letterNumber: v.letterNumber.trim(),
        issuedOn: v.issuedOn,
        signerTitle: blank(v.signerTitle),
        signerName: blank(v.signerName),
        note: blank(v.note),
      },
      {
        onSuccess: (x) => {
          void message.success(t('transfers.new.created'));
          navigate(`/transfers/${x.id}`, { replace: true });
        },
        onError: (err) => {
          applyFieldErrors(form, t, err);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        },
      },
    );
  };

  const err = issue.error;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <div>
        <Link to={lastTransferListUrl()}>← {t('transfers.backToList')}</Link>
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {t('transfers.new.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('transfers.new.lead')}</Typography.Text>
      </div>

      {err && <Alert type="error" showIcon title={isApiError(err, 'VALIDATION') ? t('transfers.new.invalid') : errorText(t, err)} />}

      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onFinishFailed={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
        initialValues={{ kind: 'official', direction: 'internal', issuedOn: todayIso(), signerTitle: 'Bí thư', memberId: presetMemberId }}
        disabled={issue.isPending}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          <Card title={t('transfers.new.who')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item
                  name="memberId"
                  label={t('transfers.f.member')}
                  rules={[required]}
                  extra={picked ? `${t('transfers.f.currentCell')}: ${picked.organization.name}${picked.cardNumber ? ` · ${t('transfers.f.cardNumber')}: ${picked.cardNumber}` : ''}` : undefined}
                >
                  <MemberOptionSelect onPick={setPicked} initialMemberId={presetMemberId} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name="kind" label={t('transfers.f.kind')} rules={[required]}>
                  <Radio.Group optionType="button" buttonStyle="solid" options={TRANSFER_KINDS.map((k) => ({ value: k, label: t(`transfers.kind.${k}`) }))} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('transfers.new.where')} size="small">
            <Form.Item name="direction" label={t('transfers.f.direction')} rules={[required]}>
              <Radio.Group
                options={[
                  { value: 'internal', label: t('transfers.new.destination.internal') },
                  { value: 'outgoing', label: t('transfers.new.destination.outgoing') },
                ]}
              />
            </Form.Item>
            {direction === 'internal' ? (
              <Form.Item name="toOrganizationId" label={t('transfers.f.toOrganization')} rules={[required]}>
                <DestinationTreeSelect excludeId={picked?.organization.id} placeholder={t('transfers.new.toPlaceholder')} />
              </Form.Item>
            ) : (
              <Form.Item name="outsideOrganizationName" label={t('transfers.f.outsideTo')} rules={[{ ...required, whitespace: true }, { max: 300 }]}>
                <Input maxLength={300} placeholder={t('transfers.new.outsidePlaceholder')} />
              </Form.Item>
            )}
          </Card>

          <Card title={t('transfers.new.why')} size="small">
            {kind === 'official' ? (
              <>
                <Typography.Paragraph type="secondary">{t('transfers.new.officialHelp')}</Typography.Paragraph>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="trigger" label={t('transfers.f.trigger')} rules={[required]}>
                      <Select placeholder={t('transfers.selectPlaceholder')} options={ZTransferTrigger.options.map((k) => ({ value: k, label: t(`transfers.trigger.${k}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="triggeredOn" label={t('transfers.f.triggeredOn')} rules={[required, notFuture]}>
                      <IsoDatePicker maxDate={todayIso()} />
                    </Form.Item>
                  </Col>
                </Row>
              </>
            ) : (
              <>
                <Typography.Paragraph type="secondary">{t('transfers.new.temporaryHelp')}</Typography.Paragraph>
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item name="temporaryPurpose" label={t('transfers.f.temporaryPurpose')} rules={[required]}>
                      <Select placeholder={t('transfers.selectPlaceholder')} options={TEMPORARY_PURPOSES.map((k) => ({ value: k, label: t(`transfers.purpose.${k}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="temporaryFrom" label={t('transfers.f.temporaryFrom')} rules={[required]}>
                      <IsoDatePicker />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="temporaryTo" label={t('transfers.f.temporaryTo')} rules={[required]}>
                      <IsoDatePicker />
                    </Form.Item>
                  </Col>
                </Row>
              </>
            )}
          </Card>

          <Card title={t('transfers.new.letter')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="letterNumber" label={t('transfers.f.letterNumber')} rules={[{ ...required, whitespace: true }, { max: 40 }]}>
                  <Input maxLength={40} placeholder={t('transfers.new.numberPlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="issuedOn" label={t('transfers.f.issuedOn')} rules={[required, notFuture]}>
                  <IsoDatePicker maxDate={todayIso()} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8} />
              <Col xs={24} md={8}>
                <Form.Item name="signerTitle" label={t('transfers.f.signerTitle')} rules={[{ max: 120 }]}>
                  <Input maxLength={120} placeholder={t('transfers.new.signerTitlePlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="signerName" label={t('transfers.f.signerName')} rules={[{ max: 120 }]}>
                  <Input maxLength={120} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="note" label={t('transfers.f.note')} rules={[{ max: 1000 }]}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
              </Col>
            </Row>
            {due.data && (
              <Alert
                type={due.data.startedLate && kind === 'official' ? 'warning' : 'info'}
                showIcon
                title={t('transfers.due.title')}
                description={
                  <Flex vertical gap={2}>
                    {kind === 'official' && due.data.startDue && <span>{t('transfers.due.start', { date: showDate(due.data.startDue) })}</span>}
                    <strong>{t('transfers.due.presentation', { date: showDate(due.data.presentationDue) })}</strong>
                    {kind === 'official' && due.data.startedLate && <span>{t('transfers.due.startedLate')}</span>}
                  </Flex>
                }
              />
            )}
          </Card>

          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate(lastTransferListUrl())}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={issue.isPending}>
              {t('transfers.issue')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </Flex>
  );
}
