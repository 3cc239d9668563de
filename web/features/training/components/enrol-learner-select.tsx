import { App, Select, Tag } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../components/api-error.ts';
import { showDate } from '../../../components/dates.ts';
import { useT } from '../../../i18n/i18n.tsx';
import { useEnrol } from '../queries/use-enrol.ts';
import { useLearnerOptions } from '../queries/use-learner-options.ts';

/** Type a name, pick a candidate or a member of the subtree, and they join the class. */
export function EnrolLearnerSelect({ classId, enrolledPersonIds }: { classId: number; enrolledPersonIds: Set<number> }) {
  const t = useT();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const options = useLearnerOptions(q);
  const enrol = useEnrol(classId);

  return (
    <Select<number>
      value={null}
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      placeholder={t('training.enrolPlaceholder')}
      loading={options.isFetching || enrol.isPending}
      notFoundContent={q.trim().length >= 2 && !options.isFetching ? t('common.none') : null}
      style={{ width: '100%', maxWidth: 560 }}
      aria-label={t('training.enrolPlaceholder')}
      onSelect={(personId, option) => {
        enrol.mutate(personId, {
          onSuccess: () => {
            void message.success(t('training.enrolled', { name: (option as { name?: string }).name ?? '' }));
            setQ('');
          },
          onError: (err) => void message.error(errorText(t, err)),
        });
      }}
      options={(options.data?.items ?? []).map((p) => ({
        value: p.personId,
        name: p.fullName,
        disabled: enrolledPersonIds.has(p.personId),
        label: (
          <span>
            <strong>{p.fullName}</strong> · {showDate(p.birthDate)} · {p.organizationName}{' '}
            <Tag color={p.learnerKind === 'candidate' ? 'blue' : 'red'} style={{ marginInlineStart: 4 }}>
              {t(`training.learner.${p.learnerKind}`)}
            </Tag>
          </span>
        ),
      }))}
    />
  );
}
