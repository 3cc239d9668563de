import { Alert, App, Col, Form, Input, InputNumber, List, Modal, Row, Typography } from 'antd';
import type { ClassDetail } from '../../../../common/contracts/training.contract.ts';
import { addMonths, isIsoDate } from '../../../../common/rules/iso-date.ts';
import { applyFieldErrors, errorText } from '../../../components/api-error.ts';
import { showDate, todayIso } from '../../../components/dates.ts';
import { IsoDatePicker } from '../../../components/iso-date-picker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import { useIssueCertificates } from '../queries/use-issue-certificates.ts';
import { useNextCertificateNumber } from '../queries/use-next-certificate-number.ts';
import { DEFAULT_CERTIFICATE_SUFFIX } from '../training-labels.ts';

interface Values {
  issuedOn: string;
  suffix: string;
  firstNumber?: number | null;
}

/** Numbered certificates for every learner who passed and has none yet, previewed before they are issued. */
export function IssueCertificatesModal({ klass, open, onClose }: { klass: ClassDetail; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const issue = useIssueCertificates(klass.id);
  const issuedOn = Form.useWatch('issuedOn', form);
  const suffix = Form.useWatch('suffix', form) ?? DEFAULT_CERTIFICATE_SUFFIX;
  const firstNumber = Form.useWatch('firstNumber', form);
  const next = useNextCertificateNumber(klass.id, issuedOn, open);
  const targets = klass.enrolments.filter((e) => e.result === 'pass' && e.certificate === null);
  const first = firstNumber ?? next.data?.nextNumber ?? null;
  const validUntil = issuedOn && isIsoDate(issuedOn) && klass.certificateValidityMonths !== null ? addMonths(issuedOn, klass.certificateValidityMonths) : null;

  const onOk = async () => {
    const v = await form.validateFields();
    issue.mutate(
      { issuedOn: v.issuedOn, suffix: v.suffix.trim(), ...(v.firstNumber ? { firstNumber: v.firstNumber } : {}) },
      {
        onSuccess: () => {
          void message.success(t('training.issue.done', { count: targets.length }));
          onClose();
        },
        onError: (err) => applyFieldErrors(form, t, err),
      },
    );
  };

  return (
    <Modal
      open={open}
      width={680}
      title={t('training.issue.title')}
      onCancel={onClose}
      onOk={() => void onOk()}
      okText={t('training.issue.submit')}
      okButtonProps={{ disabled: targets.length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      destroyOnHidden
      afterOpenChange={(o) => (o ? issue.reset() : undefined)}
    >
      {issue.error && <Alert type="error" showIcon title={errorText(t, issue.error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ issuedOn: klass.endDate > todayIso() ? klass.endDate : todayIso(), suffix: DEFAULT_CERTIFICATE_SUFFIX }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="issuedOn" label={t('training.issue.issuedOn')} rules={[{ required: true, message: t('field.required') }]}>
              <IsoDatePicker maxDate={todayIso()} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="suffix"
              label={t('training.issue.suffix')}
              rules={[
                { required: true, whitespace: true, message: t('field.required') },
                { pattern: /^[\p{L}\p{N}][\p{L}\p{N}./-]*$/u, message: t('field.certificate_suffix') },
              ]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="firstNumber" label={t('training.issue.firstNumber')}>
              <InputNumber min={1} max={999999} precision={0} placeholder={next.data ? String(next.data.nextNumber) : undefined} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('training.issue.suffixHelp')}
          {next.data && (
            <>
              <br />
              {t('training.issue.firstNumberHelp', { institution: klass.institution, year: next.data.year, next: next.data.nextNumber })}
            </>
          )}
        </Typography.Paragraph>
      </Form>
      {targets.length === 0 ? (
        <Alert type="info" showIcon title={t('training.issue.none')} />
      ) : (
        <>
          <Typography.Paragraph strong>{t('training.issue.preview', { count: targets.length })}</Typography.Paragraph>
          <List
            size="small"
            bordered
            style={{ maxHeight: 280, overflow: 'auto' }}
            dataSource={targets}
            renderItem={(e, i) => (
              <List.Item extra={validUntil ? <Typography.Text type="secondary">{t('training.issue.validity', { date: showDate(validUntil) })}</Typography.Text> : null}>
                <span>
                  <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{first !== null ? `${first + i}/${suffix}` : '…'}</strong> — {e.fullName}
                </span>
              </List.Item>
            )}
          />
        </>
      )}
    </Modal>
  );
}
