import { Select } from 'antd';
import { normalizeVi } from '../../../../common/rules/normalize-vi.ts';

/** A member of the cell, searched without diacritics ('nguyen van' finds 'Nguyễn Văn'). */
export function MemberSelect({
  members,
  value,
  onChange,
  disabled,
  id,
}: {
  members: { memberId: number; fullName: string; birthDate?: string }[];
  value?: number;
  onChange?: (v: number) => void;
  disabled?: boolean;
  id?: string;
}) {
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      showSearch={{ filterOption: (input, option) => normalizeVi(String(option?.label ?? '')).includes(normalizeVi(input)) }}
      options={members.map((m) => ({ value: m.memberId, label: m.fullName }))}
      style={{ width: '100%' }}
    />
  );
}
