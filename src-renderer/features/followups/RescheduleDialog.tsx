import { taskPatch, type Task } from '../../../src-shared/contract';
import { DueFields } from './DueFields';
import { QuickFormDialog } from '../customers/QuickFormDialog';
import { useQuickForm } from '../customers/useQuickForm';
import { useTaskFormat } from './taskFormat';
import { useFollowUpsStore } from './useFollowUpsStore';

const FIELDS = ['dueDate', 'dueTime'] as const;

/** Another due day (and time, or none for all day); the reminder moves with it. */
export function RescheduleDialog({ task }: { task: Task }) {
  const { t } = useTaskFormat();
  const reschedule = useFollowUpsStore((s) => s.reschedule);
  const close = useFollowUpsStore((s) => s.askReschedule);
  const { values, errors, change, ...frame } = useQuickForm({
    fields: FIELDS,
    initial: { dueDate: task.dueDate, dueTime: task.dueTime ?? '' },
    schema: taskPatch,
    build: (typed) => ({
      input: { dueDate: typed.dueDate, dueTime: typed.dueTime.trim() ? typed.dueTime.trim() : null },
      issues: [],
    }),
    send: (patch) => reschedule(task.id, patch),
    onDone: () => undefined,
  });
  return (
    <QuickFormDialog
      title={t('followups.reschedule.title', { title: task.title })}
      onClose={() => close(null)}
      {...frame}
    >
      <DueFields values={values} errors={errors} change={change} autoFocus />
    </QuickFormDialog>
  );
}
