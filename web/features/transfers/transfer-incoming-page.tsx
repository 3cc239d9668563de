import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { Link, useNavigate } from 'react-router';
import { ZTransferTrigger } from '../../../common/contracts/transfers.contract.ts';
import { ApiError } from '../../api/http.ts';
import { applyFieldErrors, errorText, isApiError } from '../../components/api-error.ts';
import { citizenIdRule } from '../../components/citizen-id-rule.ts';
import { todayIso } from '../../components/dates.ts';
import { IsoDatePicker } from '../../components/iso-date-picker.tsx';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { ethnicityOptions, religionOptions, viFilterOption } from '../members/member-labels.ts';
import { canTransfers } from './can-transfers.ts';
import { useRegisterIncoming } from './queries/use-register-incoming.ts';
import { lastTransferListUrl } from './transfer-labels.ts';

interface Values {
  organizationId?: number;
  outsideOrganizationName: string;
  letterNumber: string;
  issuedOn: string;
  receivedOn: string;
  trigger?: string | null;
  triggeredOn?: string | null;
  note?: string | null;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  ethnicityCode: string;
  religionCode: string;
  citizenId?: string | null;
  hometown?: string | null;
  permanentAddress?: string | null;
  phone?: string | null;
  status: 'official' | 'probationary';
  admissionDecisionDate: string;
  officialDate?: string | null;
  cardNumber?: string | null;
  historyNumber?: string | null;
}

const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

export function TransferIncomingPage() {
  const me = useCurrentUser();
  if (!canTransfers.manage(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <IncomingForm />;
}

function IncomingForm() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const register = useRegisterIncoming();
  usePageTitle(t('transfers.incoming.title'));
  const status = Form.useWatch('status', form) ?? 'official';
  const required: Rule = { required: true, message: t('field.required') };
  const notFuture: Rule = { validator: (_, v?: string | null) => (v && v > todayIso() ? Promise.reject(new Error(t('field.date_in_future'))) : Promise.resolve()) };

  const onFinish = (v: Values) => {
    register.mutate(
      {
        organizationId: v.organizationId!,
        outsideOrganizationName: v.outsideOrganizationName.trim(),
        letterNumber: v.letterNumber.trim(),
        issuedOn: v.issuedOn,
        receivedOn: v.receivedOn,
        trigger: (v.trigger as never) ?? null,
        triggeredOn: v.trigger ? (v.triggeredOn ?? null) : null,
        note: blank(v.note),
        fullName: v.fullName.trim(),
        gender: v.gender,
        birthDate: v.birthDate,
        ethnicityCode: v.ethnicityCode,
        religionCode: v.religionCode,
        citizenId: blank(v.citizenId),
        hometown: blank(v.hometown),
        permanentAddress: blank(v.permanentAddress),
        phone: blank(v.phone),
        status: v.status,
        admissionDecisionDate: v.admissionDecisionDate,
        officialDate: v.status === 'official' ? (v.officialDate ?? null) : null,
        cardNumber: blank(v.cardNumber),
        historyNumber: blank(v.historyNumber),
      },
      {
        onSuccess: (x) => {
          void message.success(t('transfers.incoming.created'));
          navigate(`/transfers/${x.id}`, { replace: true });
        },
        onError: (err) => {
          applyFieldErrors(form, t, err);
          if (isApiError(err, 'DUPLICATE_CITIZEN_ID')) form.setFields([{ name: 'citizenId', errors: [errorText(t, err)] }]);
          if (isApiError(err, 'DUPLICATE_CARD_NUMBER')) form.setFields([{ name: 'cardNumber', errors: [errorText(t, err)] }]);
          if (isApiError(err, 'DUPLICATE_HISTORY_NUMBER')) form.setFields([{ name: 'historyNumber', errors: [errorText(t, err)] }]);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        },
      },
    );
  };

  const err = register.error;
  const col = { xs: 24, md: 12, xl: 8 };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <div>
        <Link to={lastTransferListUrl()}>← {t('transfers.backToList')}</Link>
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {t('transfers.incoming.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('transfers.incoming.lead')}</Typography.Text>
      </div>

      {err && <Alert type="error" showIcon title={isApiError(err, 'VALIDATION') ? t('transfers.incoming.invalid') : errorText(t, err)} />}

      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onFinishFailed={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
        initialValues={{ receivedOn: todayIso(), status: 'official', ethnicityCode: '01', religionCode: 'none' }}
        disabled={register.isPending}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          <Card title={t('transfers.incoming.letter')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="organizationId" label={t('transfers.f.receivingCell')} rules={[required]}>
                  <OrganizationTreeSelect cellsOnly autoSelectSingle placeholder={t('transfers.incoming.cellPlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="outsideOrganizationName" label={t('transfers.f.outsideFrom')} rules={[{ ...required, whitespace: true }, { max: 300 }]}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="letterNumber" label={t('transfers.f.letterNumber')} rules={[{ ...required, whitespace: true }, { max: 40 }]}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="issuedOn" label={t('transfers.f.issuedOn')} rules={[required, notFuture]}>
                  <IsoDatePicker maxDate={todayIso()} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="receivedOn" label={t('transfers.f.receivedOn')} rules={[required, notFuture]}>
                  <IsoDatePicker maxDate={todayIso()} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="trigger" label={t('transfers.f.trigger')}>
                  <Select allowClear placeholder={t('transfers.selectPlaceholder')} options={ZTransferTrigger.options.map((k) => ({ value: k, label: t(`transfers.trigger.${k}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="triggeredOn" label={t('transfers.f.triggeredOn')} rules={[notFuture]}>
                  <IsoDatePicker maxDate={todayIso()} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('transfers.incoming.person')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="fullName" label={t('transfers.f.fullName')} rules={[{ ...required, whitespace: true }, { max: 120 }]}>
                  <Input maxLength={120} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="gender" label={t('transfers.f.gender')} rules={[required]}>
                  <Select
                    placeholder={t('transfers.selectPlaceholder')}
                    options={[
                      { value: 'male', label: t('gender.male') },
                      { value: 'female', label: t('gender.female') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="birthDate" label={t('transfers.f.birthDate')} rules={[required, notFuture]}>
                  <IsoDatePicker maxDate={todayIso()} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="ethnicityCode" label={t('transfers.f.ethnicity')} rules={[required]}>
                  <Select showSearch={{ filterOption: viFilterOption }} options={ethnicityOptions} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="religionCode" label={t('transfers.f.religion')} rules={[required]}>
                  <Select options={religionOptions(t)} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item
                  name="citizenId"
                  label={t('transfers.f.citizenId')}
                  dependencies={['gender', 'birthDate']}
                  rules={[citizenIdRule(t)]}
                >
                  <Input maxLength={12} inputMode="numeric" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="hometown" label={t('transfers.f.hometown')} rules={[{ max: 300 }]}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="permanentAddress" label={t('transfers.f.permanentAddress')} rules={[{ max: 300 }]}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="phone" label={t('transfers.f.phone')} rules={[{ pattern: /^(\+84|0)\d{9,10}$/, message: t('field.invalid') }]}>
                  <Input maxLength={13} inputMode="tel" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card title={t('transfers.incoming.party')} size="small">
            <Row gutter={16}>
              <Col {...col}>
                <Form.Item name="status" label={t('transfers.f.status')} rules={[required]}>
                  <Select
                    options={[
                      { value: 'official', label: t('status.official') },
                      { value: 'probationary', label: t('status.probationary') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="admissionDecisionDate" label={t('transfers.f.admissionDecisionDate')} rules={[required, notFuture]}>
                  <IsoDatePicker maxDate={todayIso()} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="officialDate" label={t('transfers.f.officialDate')} rules={status === 'official' ? [required, notFuture] : []}>
                  <IsoDatePicker maxDate={todayIso()} disabled={status !== 'official'} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="cardNumber" label={t('transfers.f.cardNumber')} rules={[{ max: 40 }]}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item name="historyNumber" label={t('transfers.f.historyNumber')} rules={[{ max: 40 }]}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="note" label={t('transfers.f.note')} rules={[{ max: 1000 }]}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate(lastTransferListUrl())}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={register.isPending}>
              {t('transfers.registerIncoming')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </Flex>
  );
}
