import { Select, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { useMemberOptions } from '../queries/use-member-options.ts';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (personId: number | null) => void;
  /** Only members recorded in this organization's subtree are offered. */
  organizationId?: number;
  /** The person already linked, so the field can show a name before any search. */
  current?: { id: number; fullName: string } | null;
  disabled?: boolean;
}

/** Searches members by name (diacritics ignored by the API) and yields the person id a member account is tied to. */
export function MemberPersonSelect({ id, value, onChange, organizationId, current, disabled }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const members = useMemberOptions(q, organizationId, !disabled);
  const options = (members.data?.items ?? []).map((m) => ({
    value: m.personId,
    label: m.fullName,
    title: `${m.fullName} — ${m.organization.name}`,
    org: m.organization.name,
  }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.fullName, title: current.fullName, org: '' });
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.org && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              · {o.data.org}
            </Typography.Text>
          )}
        </span>
      )}
      loading={members.isFetching}
      disabled={disabled}
      placeholder={t('users.personPlaceholder')}
      notFoundContent={members.isError ? t('users.membersUnavailable') : t('users.noMemberFound')}
      style={{ width: '100%' }}
    />
  );
}
