import { taskFields, TASK_PRIORITIES, type FieldIssue } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import type { Translate } from '../../i18n/useI18n';
import { DateTimeField, QuickFormDialog, SelectField } from '../customers/QuickFormDialog';
import { useQuickForm } from '../customers/useQuickForm';
import { CustomerPicker } from '../pipeline/CustomerPicker';
import { useSettingsStore } from '../settings/useSettingsStore';
import { DueFields } from './DueFields';
import { RepeatFields } from './RepeatFields';
import { TASK_FORM_FIELDS, taskFieldOf, taskFormValues, toTaskInput, type TaskFormField } from './taskForm';
import type { TaskFormValues, TaskSeed } from './taskForm';
import { useTaskFormat } from './taskFormat';
import { wallTimeLabel } from './dueDays';
import { useFollowUpsStore } from './useFollowUpsStore';

/** Messages more precise than the issue code's generic one, where the form knows what went wrong. */
export function describeTaskIssue(t: Translate, field: TaskFormField, issue: FieldIssue): string | undefined {
  const messages: Partial<Record<TaskFormField, string>> = {
    remindAt:
      issue.code === 'required' ? t('followups.form.remindAtRequired') : t('followups.form.remindAfterDue'),
    repeat: t('followups.form.repeatInvalid'),
    repeatInterval: t('followups.form.intervalInvalid'),
    repeatWeekdays: t('followups.form.weekdaysRequired'),
    repeatMonthDay: t('followups.form.monthDayInvalid'),
    repeatCount: t('followups.form.countInvalid'),
    repeatUntil: issue.code === 'invalid' ? t('followups.form.untilInvalid') : undefined,
  };
  return messages[field];
}

/** A new follow-up, from Today (anyone), a customer's page (them) or a deal (it and its customer). */
export function NewTaskDialog({ seed, today }: { seed: TaskSeed; today: string }) {
  const { t, locale } = useTaskFormat();
  const create = useFollowUpsStore((s) => s.create);
  const cancelNew = useFollowUpsStore((s) => s.cancelNew);
  const remindTime = useSettingsStore((s) => s.settings?.taskRemindTime ?? '09:00');
  const form = useQuickForm({
    fields: TASK_FORM_FIELDS,
    initial: taskFormValues(seed, today),
    schema: taskFields,
    // The form only ever holds the values its own controls offer, so the narrower type holds.
    build: (values) => toTaskInput(values as TaskFormValues),
    fieldOf: taskFieldOf,
    describe: (field, issue) => describeTaskIssue(t, field, issue),
    send: create,
    onDone: () => undefined,
  });
  const { errors, change } = form;
  const values = form.values as TaskFormValues;
  return (
    <QuickFormDialog
      title={t('followups.form.newTitle')}
      onClose={cancelNew}
      formRef={form.formRef}
      submit={form.submit}
      formError={form.formError}
      saving={form.saving}
    >
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
      {seed.customerId === undefined ? (
        <CustomerPicker
          error={errors.customerId}
          onChange={(customerId) => change('customerId', customerId)}
        />
      ) : (
        <p className="field-wide">
          {seed.dealTitle
            ? t('followups.form.forDeal', { name: seed.customerName ?? '', title: seed.dealTitle })
            : t('followups.form.forCustomer', { name: seed.customerName ?? '' })}
        </p>
      )}
      <DueFields values={values} errors={errors} change={change} />
      <SelectField
        name="priority"
        label={t('followups.form.priority')}
        value={values.priority}
        onChange={(value) => change('priority', value)}
        choices={TASK_PRIORITIES.map((value) => ({ value, label: t(`followups.priority.${value}`) }))}
      />
      <RepeatFields values={values} errors={errors} change={change} />
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
    </QuickFormDialog>
  );
}
