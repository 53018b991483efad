import { useState } from 'react';
import { taskPatch, type Task } from '../../../src-shared/contract';
import { QuickFormDialog } from '../customers/QuickFormDialog';
import { useQuickForm } from '../customers/useQuickForm';
import { useSettingsStore } from '../settings/useSettingsStore';
import { TaskOwnerLine } from './NewTaskDialog';
import { taskEditValues, toTaskPatch } from './taskEdit';
import { describeTaskIssue, TASK_FORM_FIELDS, taskFieldOf, type TaskFormValues } from './taskForm';
import { TaskFormFields } from './TaskFormFields';
import { useTaskFormat } from './taskFormat';
import { useFollowUpsStore } from './useFollowUpsStore';

/**
 * An open follow-up's title, notes, priority, due day and time, repeat and reminder, opened from its
 * row (Today, a customer's card, a deal's card). Only what changed is sent. In a repeating series
 * the edit is of this occurrence, and the next ones are copied from it (decision 56): the hint says so.
 */
export function EditTaskDialog({ task }: { task: Task }) {
  const { t } = useTaskFormat();
  const edit = useFollowUpsStore((s) => s.edit);
  const close = useFollowUpsStore((s) => s.askEdit);
  const remindTime = useSettingsStore((s) => s.settings?.taskRemindTime ?? '09:00');
  // Read once: a reload of the lists while the dialog is open must not move what it compares with.
  const [initial] = useState(() => taskEditValues(task, remindTime));
  const form = useQuickForm({
    fields: TASK_FORM_FIELDS,
    initial,
    schema: taskPatch,
    build: (values) => toTaskPatch(values as TaskFormValues, initial, task.rrule),
    fieldOf: taskFieldOf,
    describe: (field, issue) => describeTaskIssue(t, field, issue),
    send: (patch) => edit(task, patch),
    onDone: () => undefined,
  });
  return (
    <QuickFormDialog
      title={t('followups.edit.title', { title: task.title })}
      onClose={() => close(null)}
      formRef={form.formRef}
      submit={form.submit}
      formError={form.formError}
      saving={form.saving}
    >
      {task.rrule ? <p className="hint field-wide">{t('followups.edit.seriesHint')}</p> : null}
      <TaskFormFields
        values={form.values as TaskFormValues}
        errors={form.errors}
        change={form.change}
        keptRule={initial.repeat === 'keep' ? task.rrule : null}
        who={<TaskOwnerLine customerName={task.customerName} dealTitle={task.dealTitle} />}
      />
    </QuickFormDialog>
  );
}
