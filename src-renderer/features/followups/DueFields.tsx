import { InputField } from '../../forms/InputField';
import { useT } from '../../i18n/useI18n';

type DueField = 'dueDate' | 'dueTime';

interface DueFieldsProps {
  values: Record<DueField, string>;
  errors: Partial<Record<DueField, string>>;
  change: (field: DueField, value: string) => void;
  autoFocus?: boolean;
}

/** The due day and its optional time (empty = all day), in the new-follow-up and reschedule forms. */
export function DueFields({ values, errors, change, autoFocus }: DueFieldsProps) {
  const t = useT();
  return (
    <>
      <InputField
        type="date"
        name="dueDate"
        label={t('followups.form.dueDate')}
        value={values.dueDate}
        error={errors.dueDate}
        autoFocus={autoFocus}
        onChange={(value) => change('dueDate', value)}
      />
      <InputField
        type="time"
        name="dueTime"
        label={t('followups.form.dueTime')}
        value={values.dueTime}
        error={errors.dueTime}
        onChange={(value) => change('dueTime', value)}
      />
    </>
  );
}
