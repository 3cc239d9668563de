import { Checkbox, Space } from 'antd';
import { AUTHORITY_MATTERS, type Authority } from '../../../../common/contracts/organizations.contract.ts';
import { useT } from '../../../i18n/i18n.tsx';

/** The three decisions a committee may be authorised to take for its subtree (R-ADM-14). */
export function AuthorityCheckboxes({ value, onChange }: { value?: Authority; onChange?: (v: Authority) => void }) {
  const t = useT();
  const current = value ?? { admission: false, recognition: false, removal: false };
  return (
    <Space orientation="vertical" size={4}>
      {AUTHORITY_MATTERS.map((m) => (
        <Checkbox key={m} checked={current[m]} onChange={(e) => onChange?.({ ...current, [m]: e.target.checked })}>
          {t(`organizations.authority.${m}`)}
        </Checkbox>
      ))}
    </Space>
  );
}
