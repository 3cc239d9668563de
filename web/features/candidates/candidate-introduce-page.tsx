import { Alert, App, Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { MASS_ORGANIZATIONS, type MassOrganization } from '../../../common/contracts/candidates.contract.ts';
import { ApiError } from '../../api/http.ts';
import { applyFieldErrors, errorText, isApiError } from '../../components/api-error.ts';
import { citizenIdRule } from '../../components/citizen-id-rule.ts';
import { showDate, todayIso } from '../../components/dates.ts';
import { IsoDatePicker } from '../../components/iso-date-picker.tsx';
import { PageError } from '../../components/page-error.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationTreeSelect } from '../members/components/organization-tree-select.tsx';
import { ethnicityOptions, religionOptions, viFilterOption } from '../members/member-labels.ts';
import { lastCandidateListUrl } from './candidate-labels.ts';
import { canCandidates } from './can-candidates.ts';
import { useIntroduceCandidate } from './queries/use-introduce-candidate.ts';
import { usePersonOptions } from './queries/use-person-options.ts';

type T = (key: string, params?: Record<string, unknown>) => string;

interface PersonValues {
  fullName: string;
  birthName?: string | null;
  gender: 'male' | 'female';
  birthDate: string;
  birthplace?: string | null;
  hometown?: string | null;
  permanentAddress?: string | null;
  temporaryAddress?: string | null;
  ethnicityCode: string;
  religionCode: string;
  citizenId?: string | null;
  phone?: string | null;
  generalEducation?: string | null;
  professionalQualification?: string | null;
  occupation?: string | null;
}

interface Values {
  organizationId?: number;
  massOrganization: MassOrganization;
  massOrganizationName?: string | null;
  reason: string;
  introducedOn: string;
  mode: 'new' | 'existing';
  personId?: number;
  person: PersonValues;
}

const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

export function CandidateIntroducePage() {
  const me = useCurrentUser();
  if (!canCandidates.introduce(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <IntroduceForm />;
}

function IntroduceForm() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const introduce = useIntroduceCandidate();
  usePageTitle(t('candidates.new.title'));
  const mode = Form.useWatch('mode', form) ?? 'new';
  // Only officials may pick a person already on file (front officers see no records but their own introductions).
  const canPickExisting = canCandidates.manage(me.role);
  const required: Rule = { required: true, message: t('field.required') };

  const onFinish = (v: Values) => {
    const base = {
      organizationId: v.organizationId!,
      massOrganization: v.massOrganization,
      massOrganizationName: blank(v.massOrganizationName),
      reason: v.reason.trim(),
      introducedOn: v.introducedOn,
    };
    const p = v.person;
    const body =
      v.mode === 'existing' && v.personId
        ? { ...base, personId: v.personId }
        : {
            ...base,
            person: {
              fullName: p.fullName.trim(),
              birthName: blank(p.birthName),
              gender: p.gender,
              birthDate: p.birthDate,
              birthplace: blank(p.birthplace),
              hometown: blank(p.hometown),
              permanentAddress: blank(p.permanentAddress),
              temporaryAddress: blank(p.temporaryAddress),
              ethnicityCode: p.ethnicityCode,
              religionCode: p.religionCode,
              citizenId: blank(p.citizenId),
              phone: blank(p.phone),
              generalEducation: blank(p.generalEducation),
              professionalQualification: blank(p.professionalQualification),
              occupation: blank(p.occupation),
            },
          };
    introduce.mutate(body, {
      onSuccess: (c) => {
        void message.success(t('candidates.new.created'));
        navigate(`/candidates/${c.id}`, { replace: true });
      },
      onError: (err) => {
        applyFieldErrors(form, t, err);
        if (isApiError(err, 'DUPLICATE_CITIZEN_ID')) form.setFields([{ name: ['person', 'citizenId'], errors: [errorText(t, err)] }]);
        window.scrollTo({ top: 0, behavior: 'smooth' });
      },
    });
  };

  const err = introduce.error;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1180 }}>
      <div>
        <Link to={lastCandidateListUrl()}>← {t('candidates.backToList')}</Link>
        <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
          {t('candidates.new.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('candidates.new.lead')}</Typography.Text>
      </div>

      {err && (
        <Alert
          type="error"
          showIcon
          title={isApiError(err, 'VALIDATION') ? t('candidates.new.invalid') : errorText(t, err)}
        />
      )}

      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onFinishFailed={() => window.scrollTo({ top: 0, behavior: 'smooth' })}
        initialValues={{ mode: 'new', introducedOn: todayIso(), massOrganization: 'youth_union', person: { ethnicityCode: '01', religionCode: 'none' } }}
        disabled={introduce.isPending}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          <Card title={t('candidates.new.placement')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="organizationId" label={t('candidates.f.organization')} rules={[required]}>
                  <OrganizationTreeSelect cellsOnly placeholder={t('candidates.new.cellPlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  name="introducedOn"
                  label={t('candidates.f.introducedOn')}
                  rules={[required, { validator: (_, v?: string) => (v && v > todayIso() ? Promise.reject(new Error(t('candidates.v.future'))) : Promise.resolve()) }]}
                >
                  <IsoDatePicker maxDate={todayIso()} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="massOrganization" label={t('candidates.f.massOrganization')} rules={[required]}>
                  <Select options={MASS_ORGANIZATIONS.map((m) => ({ value: m, label: t(`candidates.massOrg.${m}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="massOrganizationName" label={t('candidates.f.massOrganizationName')} rules={[{ max: 200 }]}>
                  <Input maxLength={200} placeholder={t('candidates.new.massOrganizationNamePlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item
                  name="reason"
                  label={t('candidates.f.reason')}
                  extra={t('candidates.new.reasonHelp')}
                  rules={[{ ...required, whitespace: true }, { max: 2000 }]}
                >
                  <Input.TextArea rows={3} maxLength={2000} showCount />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card
            title={t('candidates.new.who')}
            size="small"
            extra={
              canPickExisting ? (
                <Form.Item name="mode" noStyle>
                  <Radio.Group
                    optionType="button"
                    size="small"
                    options={[
                      { value: 'new', label: t('candidates.new.mode.new') },
                      { value: 'existing', label: t('candidates.new.mode.existing') },
                    ]}
                  />
                </Form.Item>
              ) : undefined
            }
          >
            {mode === 'existing' ? <ExistingPerson t={t} /> : <PersonFields t={t} />}
          </Card>

          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate(lastCandidateListUrl())}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={introduce.isPending}>
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </Flex>
  );
}

function ExistingPerson({ t }: { t: T }) {
  const [q, setQ] = useState('');
  const options = usePersonOptions(q);
  return (
    <Form.Item name="personId" label={t('candidates.f.fullName')} extra={t('candidates.new.existingHelp')} rules={[{ required: true, message: t('field.required') }]}>
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder={t('candidates.new.existingPlaceholder')}
        loading={options.isFetching}
        notFoundContent={q.trim().length >= 2 && !options.isFetching ? t('common.none') : null}
        options={(options.data?.items ?? []).map((p) => ({
          value: p.personId,
          label: `${p.fullName} · ${showDate(p.birthDate)} · ${p.organizationName} (${lastStatusText(t, p.lastStatus)})`,
        }))}
      />
    </Form.Item>
  );
}

/** The last status of a person on file: a candidacy status, or a member status (left the party). */
function lastStatusText(t: T, status: string): string {
  const key = `candidates.status.${status}`;
  const text = t(key);
  return text === key ? t(`status.${status}`) : text;
}

const col = { xs: 24, md: 12, xl: 8 };

function PersonFields({ t }: { t: T }) {
  const required: Rule = { required: true, message: t('field.required') };
  const name = (f: string) => ['person', f];
  return (
    <Row gutter={16}>
      <Col {...col}>
        <Form.Item name={name('fullName')} label={t('candidates.f.fullName')} rules={[{ ...required, whitespace: true }, { max: 120 }]}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={name('birthName')} label={t('candidates.f.birthName')} rules={[{ max: 120 }]}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Form.Item name={name('gender')} label={t('candidates.f.gender')} rules={[required]}>
          <Select
            placeholder={t('candidates.selectPlaceholder')}
            options={[
              { value: 'male', label: t('gender.male') },
              { value: 'female', label: t('gender.female') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Form.Item
          name={name('birthDate')}
          label={t('candidates.f.birthDate')}
          rules={[required, { validator: (_, v?: string) => (v && v > todayIso() ? Promise.reject(new Error(t('candidates.v.future'))) : Promise.resolve()) }]}
        >
          <IsoDatePicker maxDate={todayIso()} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={name('birthplace')} label={t('candidates.f.birthplace')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={name('hometown')} label={t('candidates.f.hometown')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Form.Item name={name('ethnicityCode')} label={t('candidates.f.ethnicity')} rules={[required]}>
          <Select showSearch={{ filterOption: viFilterOption }} options={ethnicityOptions} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Form.Item name={name('religionCode')} label={t('candidates.f.religion')} rules={[required]}>
          <Select options={religionOptions(t)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('permanentAddress')} label={t('candidates.f.permanentAddress')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('temporaryAddress')} label={t('candidates.f.temporaryAddress')} rules={[{ max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item
          name={name('citizenId')}
          label={t('candidates.f.citizenId')}
          dependencies={[name('gender'), name('birthDate')]}
          rules={[citizenIdRule(t, name)]}
        >
          <Input inputMode="numeric" maxLength={12} autoComplete="off" style={{ fontVariantNumeric: 'tabular-nums' }} />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={name('phone')} label={t('candidates.f.phone')} rules={[{ pattern: /^(\+84|0)\d{9,10}$/, message: t('candidates.v.phone') }]}>
          <Input inputMode="tel" maxLength={14} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...col}>
        <Form.Item name={name('generalEducation')} label={t('candidates.f.generalEducation')} rules={[{ pattern: /^\s*\d{1,2}\/(10|12)\s*$/, message: t('candidates.v.education') }]}>
          <Input maxLength={5} placeholder="12/12" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('professionalQualification')} label={t('candidates.f.professionalQualification')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('occupation')} label={t('candidates.f.occupation')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}
