import { Select, Typography } from 'antd';
import { useDeferredValue, useEffect, useState } from 'react';
import type { TransferMemberOptions } from '../../../../common/contracts/transfers.contract.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useTransferMemberOptions } from '../queries/use-transfer-member-options.ts';

export type MemberOption = TransferMemberOptions['items'][number];

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (memberId: number | undefined) => void;
  /** Tells the form which member was chosen (their cell is not a destination). */
  onPick?: (member: MemberOption | undefined) => void;
  /** A member chosen before any search (the form opened from a member's page). */
  initialMemberId?: number;
}

/** Active members of the user's subtree; one with a letter still in progress cannot be chosen. */
export function MemberOptionSelect({ id, value, onChange, onPick, initialMemberId }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDeferredValue(text.trim());
  const members = useTransferMemberOptions(q);
  const initial = useTransferMemberOptions('', initialMemberId);
  const preset = initialMemberId ? (initial.data?.items ?? []) : [];
  const items = [...preset, ...(members.data?.items ?? []).filter((m) => !preset.some((p) => p.id === m.id))];
  useEffect(() => {
    // Tell the form about the preset member once it is known (its cell is not a destination).
    const m = preset.find((p) => p.id === value);
    if (m) onPick?.(m);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial.data]);
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => {
        onChange?.(v ?? undefined);
        onPick?.(items.find((m) => m.id === v));
      }}
      options={items.map((m) => ({ value: m.id, label: m.fullName, disabled: m.openTransferId !== null, m }))}
      optionRender={(o) => {
        const m = (o.data as { m: MemberOption }).m;
        return (
          <span>
            {m.fullName}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              · {showDate(m.birthDate)} · {m.organization.name}
              {m.openTransferId !== null && ` · ${t('transfers.new.memberOpen')}`}
            </Typography.Text>
          </span>
        );
      }}
      loading={members.isFetching}
      placeholder={t('transfers.new.memberPlaceholder')}
      notFoundContent={t('transfers.new.noMember')}
      style={{ width: '100%' }}
    />
  );
}
