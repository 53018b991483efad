import type { ReactNode } from 'react';
import { TASK_PRIORITIES } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { DateTimeField, SelectField } from '../customers/QuickFormDialog';
import { useSettingsStore } from '../settings/useSettingsStore';
import { DueFields } from './DueFields';
import { wallTimeLabel } from './dueDays';
import { RepeatFields } from './RepeatFields';
import type { TaskFormField, TaskFormValues } from './taskForm';
import { useTaskFormat } from './taskFormat';

interface TaskFormFieldsProps {
  values: TaskFormValues;
  errors: Partial<Record<TaskFormField, string>>;
  change: (field: TaskFormField, value: string) => void;
  /** Who the follow-up is for: a customer picker (new, from Today) or their name. */
  who: ReactNode;
  /** The rule the task has, shown as a choice of its own when the repeat controls cannot show it. */
  keptRule?: string | null;
}

/** The fields of a follow-up, in the new and the edit dialog: what, for whom, when, how often, the reminder. */
export function TaskFormFields({ values, errors, change, who, keptRule }: TaskFormFieldsProps) {
  const { t, locale } = useTaskFormat();
  const remindTime = useSettingsStore((s) => s.settings?.taskRemindTime ?? '09:00');
  return (
    <>
      <TextField
        name="title"
        label={t('followups.form.title')}
        value={values.title}
        onChange={(value) => change('title', value)}
        error={errors.title}
        className="field-wide"
        required
        requiredMark={t('customers.form.requiredMark')}
        autoFocus
      />
      {who}
      <DueFields values={values} errors={errors} change={change} />
      <SelectField
        name="priority"
        label={t('followups.form.priority')}
        value={values.priority}
        onChange={(value) => change('priority', value)}
        choices={TASK_PRIORITIES.map((value) => ({ value, label: t(`followups.priority.${value}`) }))}
      />
      <RepeatFields values={values} errors={errors} change={change} keptRule={keptRule} />
      <SelectField
        name="remind"
        label={t('followups.form.remind')}
        value={values.remind}
        error={errors.remind}
        onChange={(value) => change('remind', value)}
        choices={(['default', 'none', 'custom'] as const).map((value) => ({
          value,
          label: t(`followups.form.remind.${value}`, { time: wallTimeLabel(remindTime, locale) }),
        }))}
      />
      {values.remind === 'custom' ? (
        <DateTimeField
          name="remindAt"
          label={t('followups.form.remindAt')}
          value={values.remindAt}
          error={errors.remindAt}
          onChange={(value) => change('remindAt', value)}
        />
      ) : null}
      <TextField
        name="notes"
        label={t('followups.form.notes')}
        value={values.notes}
        onChange={(value) => change('notes', value)}
        error={errors.notes}
        className="field-wide"
        multiline
      />
    </>
  );
}
