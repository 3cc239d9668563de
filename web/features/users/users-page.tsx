import { App, Button, Card, Flex, Input, Popconfirm, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ROLES, type Role } from '../../../common/contracts/auth.contract.ts';
import type { User, UserListQuery, UserWithPassword } from '../../../common/contracts/users.contract.ts';
import { ApiError } from '../../api/http.ts';
import { errorText } from '../../components/api-error.ts';
import { PageError } from '../../components/page-error.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { can } from '../auth/permissions.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { OrganizationSelect } from '../organizations/components/organization-select.tsx';
import { OneTimePasswordModal } from './components/one-time-password-modal.tsx';
import { UserFormModal } from './components/user-form-modal.tsx';
import { useResetUserPassword } from './queries/use-reset-user-password.ts';
import { useResetUserTotp } from './queries/use-reset-user-totp.ts';
import { useUnlockUser } from './queries/use-unlock-user.ts';
import { useUserList } from './queries/use-user-list.ts';
import { showInstant } from './show-instant.ts';

type State = UserListQuery['state'];
type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;
type Shown = { username: string; password: string; reason: 'created' | 'reset' } | null;

/** Accounts of the administrator's subtree: create, edit, disable, unlock and reset passwords. */
export function UsersPage() {
  const me = useCurrentUser();
  // Administrators only ('user.manage'); anyone else typing the address gets the refusal, not an empty table.
  if (!can.manageUsers(me.role)) return <PageError error={new ApiError(403, 'FORBIDDEN')} />;
  return <AccountsManager />;
}

function AccountsManager() {
  const t = useT();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [query, setQuery] = useState<UserListQuery>({ page: 1, pageSize: 20, state: 'all' });
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [shown, setShown] = useState<Shown>(null);
  const list = useUserList(query);
  const unlock = useUnlockUser();
  const reset = useResetUserPassword();
  const resetTotp = useResetUserTotp();

  const update = (patch: Partial<UserListQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));

  const onUnlock = (u: User) =>
    unlock.mutate(u.id, {
      onSuccess: () => void message.success(t('users.unlocked', { username: u.username })),
      onError: (err) => void message.error(errorText(t, err)),
    });
  const onReset = (u: User) =>
    reset.mutate(u.id, {
      onSuccess: (res: UserWithPassword) => setShown({ username: res.user.username, password: res.oneTimePassword ?? '', reason: 'reset' }),
      onError: (err) => void message.error(errorText(t, err)),
    });

  const onResetTotp = (u: User) =>
    resetTotp.mutate(u.id, {
      onSuccess: () => void message.success(t('users.totpResetDone', { username: u.username })),
      onError: (err) => void message.error(errorText(t, err)),
    });

  const status = (u: User) => (
    <Space size={[4, 4]} wrap>
      {u.isDisabled ? <Tag color="red">{t('users.state.disabled')}</Tag> : <Tag color="green">{t('users.state.active')}</Tag>}
      {u.isLocked && (
        <Tooltip title={t('users.lockedUntil', { at: showInstant(u.lockedUntil) })}>
          <Tag color="orange">{t('users.state.locked')}</Tag>
        </Tooltip>
      )}
      {u.totpEnrolled && (
        <Tooltip title={t('users.totpOnHint')}>
          <Tag color="blue">{t('users.totpOn')}</Tag>
        </Tooltip>
      )}
      {!u.isLocked && u.failedCount > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('users.failures', { n: u.failedCount })}
        </Typography.Text>
      )}
    </Space>
  );

  return (
    <div>
      <Flex justify="space-between" align="flex-end" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('users.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('users.subtitle', { organization: me.organization.name })}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => setEditing({ mode: 'create' })}>
          {t('users.create')}
        </Button>
      </Flex>

      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value) update({ q: undefined });
            }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            style={{ width: 250 }}
          />
          <Select<Role>
            allowClear
            value={query.role}
            onChange={(role) => update({ role })}
            placeholder={t('users.allRoles')}
            aria-label={t('users.role')}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            style={{ width: 200 }}
          />
          <div style={{ width: 260 }}>
            <OrganizationSelect value={query.organizationId} onChange={(organizationId) => update({ organizationId })} placeholder={t('users.allOrganizations')} />
          </div>
          <Segmented<State>
            value={query.state}
            onChange={(state) => update({ state })}
            options={(['all', 'active', 'disabled', 'locked'] as const).map((s) => ({ value: s, label: t(`users.filter.${s}`) }))}
          />
        </Flex>

        <Table<User>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: list.isError ? errorText(t, list.error) : t('users.empty') }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? page : 1, pageSize })),
          }}
          columns={[
            {
              title: t('users.username'),
              dataIndex: 'username',
              render: (v: string, u) => (
                <Space size={6} wrap={false}>
                  <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                    {v}
                  </Typography.Text>
                  {u.id === me.id && <Tag color="blue">{t('users.you')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('users.displayName'),
              dataIndex: 'displayName',
              render: (v: string, u) => (
                <div>
                  <div>{v}</div>
                  {u.person && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('users.linkedPerson', { name: u.person.fullName })}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            { title: t('users.role'), dataIndex: 'role', render: (r: Role) => <Tag color={r === 'admin' ? 'red' : 'default'}>{t(`role.${r}`)}</Tag> },
            {
              title: t('users.organization'),
              dataIndex: ['organization', 'name'],
              render: (_: unknown, u) => <Link to={`/organizations/${u.organization.id}`}>{u.organization.name}</Link>,
            },
            { title: t('users.status'), key: 'status', render: (_: unknown, u) => status(u) },
            {
              title: t('users.lastLogin'),
              dataIndex: 'lastLoginAt',
              width: 150,
              render: (v: string | null) => (v ? showInstant(v) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 250,
              render: (_: unknown, u) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', user: u })}>
                    {t('common.edit')}
                  </Button>
                  {(u.isLocked || u.failedCount > 0) && (
                    <Button type="link" size="small" loading={unlock.isPending && unlock.variables === u.id} onClick={() => onUnlock(u)}>
                      {t('users.unlock')}
                    </Button>
                  )}
                  {u.id !== me.id && (
                    <Popconfirm
                      title={t('users.resetConfirmTitle', { username: u.username })}
                      description={t('users.resetConfirm')}
                      okText={t('users.reset')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => onReset(u)}
                    >
                      <Button type="link" size="small" danger loading={reset.isPending && reset.variables === u.id}>
                        {t('users.reset')}
                      </Button>
                    </Popconfirm>
                  )}
                  {u.id !== me.id && u.totpEnrolled && (
                    <Popconfirm
                      title={t('users.totpResetConfirmTitle', { username: u.username })}
                      description={t('users.totpResetConfirm')}
                      okText={t('users.totpReset')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => onResetTotp(u)}
                    >
                      <Button type="link" size="small" danger loading={resetTotp.isPending && resetTotp.variables === u.id}>
                        {t('users.totpReset')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      {editing?.mode === 'create' && (
        <UserFormModal
          mode="create"
          onClose={() => setEditing(null)}
          onCreated={(res) => {
            if (res.oneTimePassword) setShown({ username: res.user.username, password: res.oneTimePassword, reason: 'created' });
            else void message.success(t('users.created', { username: res.user.username }));
          }}
        />
      )}
      {editing?.mode === 'edit' && (
        <UserFormModal
          mode="edit"
          user={editing.user}
          isSelf={editing.user.id === me.id}
          onClose={() => setEditing(null)}
        />
      )}
      {shown && <OneTimePasswordModal {...shown} onClose={() => setShown(null)} />}
    </div>
  );
}
