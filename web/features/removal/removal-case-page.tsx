import { App, Button, Card, Checkbox, Col, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LEAVING_CAUSES } from '../../../common/rules/removal-rules.ts';
import { REQUEST_METHODS, type RemovalCase } from '../../../common/contracts/removal.contract.ts';
import type { MemberStatus } from '../../../common/contracts/members.contract.ts';
import { ApiError } from '../../api/http.ts';
import { applyFieldErrors } from '../../components/api-error.ts';
import { IsoDatePicker } from '../../components/iso-date-picker.tsx';
import { showDate, todayIso } from '../../components/dates.ts';
import { PageError } from '../../components/page-error.tsx';
import { MemberStatusTag } from '../../components/status-tag.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { parseId } from '../members/member-labels.ts';
import { KindLabel, RuleTag } from '../screening/components/rule-tag.tsx';
import { canRemoval } from './can-removal.ts';
import { RuleChecklist, RuleErrorAlert } from './components/rule-checklist.tsx';
import { useRemovalCase, useVoteBase } from './queries/use-removal-cases.ts';
import { type RemovalStepPath, useRemovalStep } from './queries/use-removal-step.ts';
import { MemberReadmissionPanel } from './member-readmission-panel.tsx';
import { FORM_COLOR, STATUS_COLOR } from './removal-labels.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

/** '/removal/cases/:id': a removal case as its procedure — steps, the rules green and red, each step's form, the decision document. */
export function RemovalCasePage() {
  const me = useCurrentUser();
  const id = parseId(useParams().id);
  const kase = useRemovalCase(id);
  const t = useT();
  usePageTitle(kase.data ? t('removal.caseTitle', { id: kase.data.id, form: t(`removal.form.${kase.data.form}`), name: kase.data.member.fullName }) : t('removal.title'));
  if (!canRemoval.read(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  if (id === null) return <PageError error={new ApiError(404, 'NOT_FOUND')} />;
  if (kase.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (kase.isError) return <PageError error={kase.error} onRetry={() => void kase.refetch()} />;
  return <CaseView c={kase.data} />;
}

function stepsOf(c: RemovalCase, t: T) {
  const first =
    c.form === 'struck_off'
      ? { key: 'self_review', title: t('removal.steps.self_review'), content: c.selfReviewedOn ? showDate(c.selfReviewedOn) : t('removal.steps.requestsShort', { n: new Set(c.requests.map((r) => r.sentOn)).size, required: 3 }) }
      : c.form === 'released'
        ? { key: 'request', title: t('removal.steps.request'), content: c.requestedOn ? showDate(c.requestedOn) : '' }
        : { key: 'referral', title: t('removal.steps.referral'), content: c.referral ? showDate(c.referral.referredOn) : '' };
  const items = [
    { key: 'open', title: t('removal.steps.open'), content: showDate(c.openedOn) },
    first,
    { key: 'cell_vote', title: t('removal.steps.cell_vote'), content: c.vote ? t('removal.vote.recorded', { approve: c.vote.approve, base: c.vote.base.base, date: showDate(c.vote.meetingDate) }) : '' },
    { key: 'decision', title: t('removal.steps.decision'), content: c.decidedOn ? (c.decisionNumber ? t('removal.decision.recorded', { number: c.decisionNumber, date: showDate(c.decidedOn) }) : showDate(c.decidedOn)) : '' },
    ...(c.form === 'released' ? [] : [{ key: 'card', title: t('removal.steps.card'), content: c.cardCollectedOn ? showDate(c.cardCollectedOn) : '' }]),
  ];
  // Where the case stands: everything before its status is done; a closed case stops where it closed.
  const at = c.status === 'removed' ? items.length : c.status === 'card_collection' ? 4 : c.status === 'decision' ? 3 : c.status === 'cell_vote' ? 2 : c.status === 'self_review' ? 1 : -1;
  const stoppedAt = c.status === 'not_removed' ? (c.decidedOn ? 3 : 2) : c.status === 'withdrawn' ? (c.vote ? 3 : c.form === 'struck_off' && !c.selfReviewedOn ? 1 : 2) : -1;
  return items.map((s, i) => ({
    ...s,
    status:
      stoppedAt >= 0
        ? i < stoppedAt
          ? ('finish' as const)
          : i === stoppedAt
            ? ('error' as const)
            : ('wait' as const)
        : i < at || (i === 1 && c.form !== 'struck_off')
          ? ('finish' as const)
          : i === at
            ? ('process' as const)
            : ('wait' as const),
  }));
}

function CaseView({ c }: { c: RemovalCase }) {
  const t = useT();
  const can = (a: RemovalCase['allowedActions'][number]) => c.allowedActions.includes(a);
  const [withdrawing, setWithdrawing] = useState(false);
  const docUrl = `/api/removal/cases/${c.id}/decision.docx`;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Space size={8} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              #{c.id} · {c.member.fullName}
            </Typography.Title>
            <Tag color={FORM_COLOR[c.form]}>{t(`removal.form.${c.form}`)}</Tag>
            <Tag color={STATUS_COLOR[c.status]}>{t(`removal.status.${c.status}`)}</Tag>
          </Space>
          <div>
            <Typography.Text type="secondary">
              {c.organization.name}
              {c.grounds.length > 0 && ` · ${c.grounds.map((g) => t(`removal.ground.${g}`)).join('; ')}`}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          {can('download_decision') && (
            <Button href={docUrl} type={c.decidedOn ? 'primary' : 'default'}>
              {c.decidedOn ? t('removal.action.download_decision') : t('removal.action.downloadDraft')}
            </Button>
          )}
          {can('withdraw') && (
            <Button danger onClick={() => setWithdrawing(true)}>
              {t('removal.action.withdraw')}
            </Button>
          )}
        </Space>
      </Flex>
      <Card size="small">
        <Steps size="small" titlePlacement="vertical" items={stepsOf(c, t)} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {c.form === 'struck_off' && <SelfReviewCard c={c} canAct={can('record_request')} />}
            {(c.status === 'cell_vote' || c.vote) && <VoteCard c={c} canAct={can('record_vote')} />}
            {(c.status === 'decision' || c.decidedOn) && <DecisionCard c={c} canAct={can('record_decision')} />}
            {c.form !== 'released' && (c.status === 'card_collection' || c.cardCollectedOn) && <CardCard c={c} canAct={can('collect_card')} />}
            {c.closeReason && (
              <Card size="small">
                <Typography.Text>{t('removal.closeReason', { reason: c.closeReason })}</Typography.Text>
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('removal.member')}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'n', label: t('removal.col.member'), children: <Link to={`/members/${c.member.id}`}>{c.member.fullName}</Link> },
                  { key: 'b', label: t('removal.birthDate'), children: showDate(c.member.birthDate) },
                  { key: 's', label: t('removal.memberStatus'), children: <MemberStatusTag status={c.member.status as MemberStatus} /> },
                  { key: 'c', label: t('removal.cardNumber'), children: c.member.cardNumber ?? '—' },
                  { key: 'o', label: t('removal.col.organization'), children: c.member.organization.name },
                  ...(c.flag
                    ? [
                        {
                          key: 'f',
                          label: t('removal.flag'),
                          children: (
                            <Space wrap>
                              <RuleTag ruleId={c.flag.ruleId} />
                              <KindLabel kind={c.flag.kind} />
                            </Space>
                          ),
                        },
                      ]
                    : []),
                  ...(c.referral ? [{ key: 'r', label: t('removal.referral'), children: `${showDate(c.referral.referredOn)} · ${c.referral.description}` }] : []),
                  ...(c.requestedOn ? [{ key: 'q', label: t('removal.steps.request'), children: `${showDate(c.requestedOn)}${c.requestRef ? ` · ${c.requestRef}` : ''}` }] : []),
                  {
                    key: 'cb',
                    label: t('removal.competentBody'),
                    children: c.competentBody ? (c.competentBodyDecided ? c.competentBody.name : t('removal.competentBodyToday', { name: c.competentBody.name })) : <Typography.Text type="danger">{t('removal.noCompetentBody')}</Typography.Text>,
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('removal.checklist')}>
              <RuleChecklist checks={c.checklist} />
            </Card>
            {['struck_off', 'released', 'expelled'].includes(c.member.status) && <MemberReadmissionPanel memberId={c.member.id} />}
            <Card size="small" title={t('removal.timeline')}>
              <Timeline
                items={c.decisions.map((d) => ({
                  color: d.toStatus === 'not_removed' || d.toStatus === 'withdrawn' ? 'gray' : d.toStatus === 'removed' || d.toStatus === 'card_collection' ? 'red' : 'blue',
                  content: (
                    <Flex vertical gap={0}>
                      <strong>{t(`removal.action.${d.action}`)}</strong>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {showDate(d.effectiveOn)} · {t(`removal.status.${d.toStatus}`)} · {d.actor ?? '—'} · {dayjs(d.at).format('DD/MM/YYYY HH:mm')}
                      </Typography.Text>
                    </Flex>
                  ),
                }))}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
      {withdrawing && <WithdrawModal c={c} onClose={() => setWithdrawing(false)} />}
    </Flex>
  );
}

/** One step's form: posts with the case's version; a refusal lists the failed rules under the form. */
function useStepForm(c: RemovalCase, path: RemovalStepPath) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const step = useRemovalStep(c.id, path);
  const submit = (values: Record<string, unknown>) =>
    step.mutate(
      { ...values, version: c.version },
      {
        onSuccess: () => {
          void message.success(t('removal.saved'));
          form.resetFields();
        },
        onError: (err) => applyFieldErrors(form, t, err),
      },
    );
  return { form, step, submit };
}

function SelfReviewCard({ c, canAct }: { c: RemovalCase; canAct: boolean }) {
  const t = useT();
  const request = useStepForm(c, 'requests');
  const review = useStepForm(c, 'self-review');
  const distinct = new Set(c.requests.map((r) => r.sentOn)).size;
  return (
    <Card size="small" title={t('removal.selfReview.title')}>
      {c.selfReviewedOn ? (
        <Typography.Paragraph>{t('removal.selfReview.done', { date: showDate(c.selfReviewedOn) })}</Typography.Paragraph>
      ) : null}
      <Typography.Text strong>{t('removal.selfReview.requests', { n: distinct, required: 3 })}</Typography.Text>
      {c.requests.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('removal.selfReview.noRequests')}</Typography.Paragraph>
      ) : (
        <ol style={{ marginTop: 4 }}>
          {c.requests.map((r) => (
            <li key={r.id}>
              {showDate(r.sentOn)} · {t(`removal.request.method.${r.method}`)}
              {r.note ? ` · ${r.note}` : ''}
            </li>
          ))}
        </ol>
      )}
      {canAct && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form form={request.form} layout="vertical" requiredMark={false} initialValues={{ method: 'letter' }} onFinish={(v) => request.submit({ ...v, note: v.note ?? null })}>
              <Form.Item name="sentOn" label={t('removal.request.sentOn')} rules={[{ required: true }]}>
                <IsoDatePicker maxDate={todayIso()} />
              </Form.Item>
              <Form.Item name="method" label={t('removal.request.method')}>
                <Select options={REQUEST_METHODS.map((m) => ({ value: m, label: t(`removal.request.method.${m}`) }))} />
              </Form.Item>
              <Form.Item name="note" label={t('removal.decision.note')}>
                <Input maxLength={1000} />
              </Form.Item>
              <Button htmlType="submit" loading={request.step.isPending}>
                {t('removal.action.record_request')}
              </Button>
              <RuleErrorAlert error={request.step.error} style={{ marginTop: 8 }} />
            </Form>
          </Col>
          <Col xs={24} md={12}>
            <Form form={review.form} layout="vertical" requiredMark={false} onFinish={(v) => review.submit({ ...v, note: v.note ?? null })}>
              <Form.Item name="on" label={t('removal.selfReview.on')} rules={[{ required: true }]}>
                <IsoDatePicker maxDate={todayIso()} />
              </Form.Item>
              <Form.Item name="note" label={t('removal.decision.note')}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={review.step.isPending}>
                {t('removal.action.record_self_review')}
              </Button>
              <RuleErrorAlert error={review.step.error} style={{ marginTop: 8 }} />
            </Form>
          </Col>
        </Row>
      )}
    </Card>
  );
}

function VoteCard({ c, canAct }: { c: RemovalCase; canAct: boolean }) {
  const t = useT();
  const { form, step, submit } = useStepForm(c, 'vote');
  const date = Form.useWatch('meetingDate', form) as string | undefined;
  const meetingId = Form.useWatch('meetingId', form) as number | undefined;
  const preview = useVoteBase(c.id, canAct ? (date ?? null) : null, meetingId ?? null);
  const base = c.vote?.base ?? preview.data ?? null;
  return (
    <Card size="small" title={t('removal.vote.title')}>
      {c.vote && (
        <Typography.Paragraph>
          <strong>{t('removal.vote.recorded', { approve: c.vote.approve, base: c.vote.base.base, date: showDate(c.vote.meetingDate) })}</strong>
          {` · ${t('removal.vote.reject')}: ${c.vote.reject} · ${t('removal.vote.abstain')}: ${c.vote.abstain}`}
        </Typography.Paragraph>
      )}
      {base && (
        <Flex vertical gap={2} style={{ marginBottom: 12, padding: '8px 12px', background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 4 }}>
          <Typography.Text>
            <strong>{t('removal.vote.base')}: </strong>
            {t('removal.vote.baseLine', { base: base.base, official: base.official, away: base.temporarilyTransferredOut, absentExempted: base.absentExempted })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('removal.vote.required', { n: Math.max(1, Math.ceil((base.base * 2) / 3)) })} {t('removal.vote.probationary', { n: base.probationary })}
            {base.fromMeetingSheet ? ` ${t('removal.vote.fromSheet')}` : ''}
          </Typography.Text>
          {base.transferredOutMembers.length > 0 && <Typography.Text type="secondary">↳ {base.transferredOutMembers.map((m) => m.fullName).join(', ')}</Typography.Text>}
        </Flex>
      )}
      {canAct && (
        <Form form={form} layout="vertical" requiredMark={false} initialValues={{ abstain: 0, reject: 0 }} onFinish={(v) => submit({ ...v, presentExemptedMemberIds: v.presentExemptedMemberIds ?? [], meetingId: v.meetingId ?? undefined })}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="meetingDate" label={t('removal.vote.meetingDate')} rules={[{ required: true }]}>
                <IsoDatePicker maxDate={todayIso()} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="meetingId" label={t('removal.vote.meetingId')}>
                <InputNumber min={1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={8}>
              <Form.Item name="approve" label={t('removal.vote.approve')} rules={[{ required: true }]}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name="reject" label={t('removal.vote.reject')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name="abstain" label={t('removal.vote.abstain')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          {preview.data && preview.data.exemptedMembers.length > 0 && !preview.data.fromMeetingSheet && (
            <Form.Item name="presentExemptedMemberIds" label={t('removal.vote.presentExempted')}>
              <Checkbox.Group options={preview.data.exemptedMembers.map((m) => ({ value: m.id, label: m.fullName }))} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={step.isPending}>
            {t('removal.action.record_vote')}
          </Button>
          <RuleErrorAlert error={step.error ?? preview.error} style={{ marginTop: 8 }} />
        </Form>
      )}
    </Card>
  );
}

function DecisionCard({ c, canAct }: { c: RemovalCase; canAct: boolean }) {
  const t = useT();
  const { form, step, submit } = useStepForm(c, 'decision');
  const removes = Form.useWatch('removes', form) as boolean | undefined;
  return (
    <Card size="small" title={t('removal.decision.title')}>
      {c.decidedOn && (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'd', label: t('removal.decision.decidedOn'), children: showDate(c.decidedOn) },
            { key: 'n', label: t('removal.decision.number'), children: c.decisionNumber ?? '—' },
            { key: 'b', label: t('removal.competentBody'), children: c.competentBody?.name ?? '—' },
            { key: 's', label: t('removal.decision.signerName'), children: [c.signerTitle, c.signerName].filter(Boolean).join(' ') || '—' },
            ...(c.disciplineDecisionRef ? [{ key: 'k', label: t('removal.decision.disciplineRef'), children: c.disciplineDecisionRef }] : []),
            { key: 'c', label: t('removal.decision.leavingCause'), children: t(`removal.cause.${c.leavingCause}`) },
          ]}
        />
      )}
      {canAct && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ removes: true, decidedOn: todayIso(), leavingCause: c.leavingCause, signerTitle: 'Bí thư', familyHardship: c.familyHardship }}
          onFinish={(v) =>
            submit({
              ...v,
              decisionNumber: v.decisionNumber ?? null,
              signerName: v.signerName ?? null,
              signerTitle: v.signerTitle ?? null,
              disciplineDecisionRef: v.disciplineDecisionRef ?? null,
              note: v.note ?? null,
            })
          }
        >
          <Typography.Paragraph type="secondary">
            {t('removal.competentBody')}: <strong>{c.competentBody?.name ?? '—'}</strong>
          </Typography.Paragraph>
          <Form.Item name="removes" label={t('removal.decision.removes')}>
            <Radio.Group
              options={[
                { value: true, label: t('removal.decision.removesYes') },
                { value: false, label: t('removal.decision.removesNo') },
              ]}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="decidedOn" label={t('removal.decision.decidedOn')} rules={[{ required: true }]}>
                <IsoDatePicker maxDate={todayIso()} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="decisionNumber" label={t('removal.decision.number')} rules={[{ required: removes !== false }]}>
                <Input maxLength={60} placeholder="15-QĐ/ĐU" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="signerTitle" label={t('removal.decision.signerTitle')}>
                <Input maxLength={120} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="signerName" label={t('removal.decision.signerName')}>
            <Input maxLength={120} />
          </Form.Item>
          {c.form === 'expelled' && (
            <Form.Item name="disciplineDecisionRef" label={t('removal.decision.disciplineRef')}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          {removes !== false && (
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <Form.Item name="leavingCause" label={t('removal.decision.leavingCause')}>
                  <Select options={LEAVING_CAUSES.map((x) => ({ value: x, label: t(`removal.cause.${x}`) }))} />
                </Form.Item>
              </Col>
              {c.form === 'released' && (
                <Col xs={24} md={8}>
                  <Form.Item name="familyHardship" valuePropName="checked" label=" ">
                    <Checkbox>{t('removal.decision.familyHardship')}</Checkbox>
                  </Form.Item>
                </Col>
              )}
            </Row>
          )}
          <Form.Item name="note" label={t('removal.decision.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Button type="primary" danger={removes !== false} htmlType="submit" loading={step.isPending}>
            {t('removal.action.record_decision')}
          </Button>
          <RuleErrorAlert error={step.error} style={{ marginTop: 8 }} />
        </Form>
      )}
    </Card>
  );
}

function CardCard({ c, canAct }: { c: RemovalCase; canAct: boolean }) {
  const t = useT();
  const { form, step, submit } = useStepForm(c, 'card');
  return (
    <Card size="small" title={t('removal.card.title')}>
      {c.cardCollectedOn ? (
        <Typography.Text>{t('removal.card.done', { date: showDate(c.cardCollectedOn) })}</Typography.Text>
      ) : canAct ? (
        <Form form={form} layout="inline" requiredMark={false} initialValues={{ on: todayIso() }} onFinish={(v) => submit({ ...v, note: null })}>
          <Form.Item name="on" label={t('removal.card.on')} rules={[{ required: true }]}>
            <IsoDatePicker maxDate={todayIso()} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={step.isPending}>
            {t('removal.action.collect_card')}
          </Button>
          <RuleErrorAlert error={step.error} style={{ marginTop: 8, width: '100%' }} />
        </Form>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('removal.check.R-MGT-08.card_not_collected')} />
      )}
    </Card>
  );
}

function WithdrawModal({ c, onClose }: { c: RemovalCase; onClose: () => void }) {
  const t = useT();
  const { form, step } = useStepForm(c, 'withdraw');
  return (
    <Modal open title={t('removal.action.withdraw')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={step.isPending} okButtonProps={{ danger: true }} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ on: todayIso() }} onFinish={(v) => step.mutate({ ...v, version: c.version }, { onSuccess: onClose, onError: (err) => applyFieldErrors(form, t, err) })}>
        <Form.Item name="on" label={t('removal.withdraw.on')} rules={[{ required: true }]}>
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
        <Form.Item name="reason" label={t('removal.withdraw.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      <RuleErrorAlert error={step.error} />
    </Modal>
  );
}

