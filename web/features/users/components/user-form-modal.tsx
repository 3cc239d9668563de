import { Alert, Col, Form, Input, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { ROLES, type Role } from '../../../../common/contracts/auth.contract.ts';
import type { OrganizationNode } from '../../../../common/contracts/organizations.contract.ts';
import { USERNAME_PATTERN, type User, type UserWithPassword } from '../../../../common/contracts/users.contract.ts';
import { applyFieldErrors, errorText, isApiError } from '../../../components/api-error.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { OrganizationSelect } from '../../organizations/components/organization-select.tsx';
import { useCreateUser } from '../queries/use-create-user.ts';
import { useUpdateUser } from '../queries/use-update-user.ts';
import { MemberPersonSelect } from './member-person-select.tsx';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  organizationId: number;
  personId: number | null;
  passwordMode: 'generate' | 'choose';
  password?: string;
  isDisabled: boolean;
}

type Props =
  | { mode: 'create'; user?: undefined; isSelf?: false; onClose(): void; onCreated(res: UserWithPassword): void }
  | { mode: 'edit'; user: User; isSelf: boolean; onClose(): void; onCreated?: undefined };

/** Creates an account (password generated, or chosen and checked) or edits one; a change of reach ends its sessions. */
export function UserFormModal(props: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [refusal, setRefusal] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const organizationId = Form.useWatch('organizationId', form);
  const passwordMode = Form.useWatch('passwordMode', form);
  const isEdit = props.mode === 'edit';
  const user = props.user;
  const isSelf = props.isSelf ?? false;
  const isActiveOrganization = useCallback((n: OrganizationNode) => n.validTo === null, []);

  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        organizationId: user.organization.id,
        personId: user.person?.id ?? null,
        isDisabled: user.isDisabled,
      }
    : { passwordMode: 'generate', role: 'cell_secretary', personId: null };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setRefusal(null);
    try {
      if (props.mode === 'create') {
        const res = await create.mutateAsync({
          username: v.username,
          displayName: v.displayName,
          role: v.role,
          organizationId: v.organizationId,
          personId: v.personId ?? null,
          ...(v.passwordMode === 'choose' ? { password: v.password } : {}),
        });
        props.onCreated(res);
      } else {
        await update.mutateAsync({
          id: props.user.id,
          displayName: v.displayName,
          role: v.role,
          organizationId: v.organizationId,
          personId: v.personId ?? null,
          isDisabled: v.isDisabled,
          version: props.user.version,
        });
      }
      props.onClose();
    } catch (err) {
      // These two are said next to their field; any other refusal also gets the sentence above the buttons.
      if (isApiError(err, 'WEAK_PASSWORD')) {
        form.setFields([{ name: 'password', errors: [t(`users.weak.${String(err.params.reason)}`)] }]);
      } else if (isApiError(err, 'DUPLICATE_USERNAME')) {
        form.setFields([{ name: 'username', errors: [t('error.DUPLICATE_USERNAME')] }]);
      } else {
        applyFieldErrors(form, t, err);
        setRefusal(errorText(t, err));
      }
    }
  };

  const rescoping = isEdit && user && (role !== user.role || organizationId !== user.organization.id);

  return (
    <Modal
      open
      width={680}
      title={isEdit ? t('users.editTitle', { username: user!.username }) : t('users.createTitle')}
      okText={isEdit ? t('common.save') : t('users.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending || update.isPending }}
      onOk={() => void submit()}
      onCancel={props.onClose}
      maskClosable={false}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues}>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="username"
              label={t('users.username')}
              tooltip={t('users.usernameHint')}
              normalize={(v: string) => v.toLowerCase().replace(/\s/g, '')}
              rules={[
                { required: true, message: t('field.required') },
                { pattern: USERNAME_PATTERN, message: t('users.usernameFormat') },
              ]}
            >
              <Input disabled={isEdit} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="displayName"
              label={t('users.displayName')}
              rules={[
                { required: true, whitespace: true, message: t('field.required') },
                { max: 120, message: t('field.too_big') },
              ]}
            >
              <Input placeholder={t('users.displayNamePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('field.required') }]}>
              <Select disabled={isSelf} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="organizationId" label={t('users.organization')} tooltip={t('users.organizationHint')} rules={[{ required: true, message: t('field.required') }]}>
              <OrganizationSelect disabled={isSelf} isSelectable={isActiveOrganization} allowClear={false} placeholder={t('users.chooseOrganization')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="personId"
          label={t('users.person')}
          tooltip={t('users.personHint')}
          rules={[{ required: role === 'member', message: t('users.personRequired') }]}
        >
          <MemberPersonSelect organizationId={organizationId} current={user?.person ?? null} />
        </Form.Item>

        {!isEdit && (
          <>
            <Form.Item name="passwordMode" label={t('users.initialPassword')} rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'generate', label: t('users.passwordGenerate') },
                  { value: 'choose', label: t('users.passwordChoose') },
                ]}
              />
            </Form.Item>
            {passwordMode === 'choose' && (
              <Form.Item
                name="password"
                label={t('users.password')}
                extra={t('users.passwordRules')}
                rules={[
                  { required: true, message: t('field.required') },
                  { min: 8, message: t('users.weak.too_short') },
                  { max: 128, message: t('users.weak.too_long') },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            )}
          </>
        )}

        {isEdit && (
          <Form.Item name="isDisabled" label={t('users.disabled')} valuePropName="checked" extra={isSelf ? t('users.selfHint') : undefined}>
            <Switch disabled={isSelf} />
          </Form.Item>
        )}
      </Form>
      {isEdit && (
        <Typography.Paragraph type={rescoping ? 'warning' : 'secondary'} style={{ marginBottom: 0 }}>
          {t('users.sessionsEndHint')}
        </Typography.Paragraph>
      )}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
