import { taskFields } from '../../../src-shared/contract';
import { QuickFormDialog } from '../customers/QuickFormDialog';
import { useQuickForm } from '../customers/useQuickForm';
import { CustomerPicker } from '../pipeline/CustomerPicker';
import { describeTaskIssue, TASK_FORM_FIELDS, taskFieldOf, taskFormValues, toTaskInput } from './taskForm';
import type { TaskFormValues, TaskSeed } from './taskForm';
import { TaskFormFields } from './TaskFormFields';
import { useTaskFormat } from './taskFormat';
import { useFollowUpsStore } from './useFollowUpsStore';

/** A new follow-up, from Today (anyone), a customer's page (them) or a deal (it and its customer). */
export function NewTaskDialog({ seed, today }: { seed: TaskSeed; today: string }) {
  const { t } = useTaskFormat();
  const create = useFollowUpsStore((s) => s.create);
  const cancelNew = useFollowUpsStore((s) => s.cancelNew);
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
  return (
    <QuickFormDialog
      title={t('followups.form.newTitle')}
      onClose={cancelNew}
      formRef={form.formRef}
      submit={form.submit}
      formError={form.formError}
      saving={form.saving}
    >
      <TaskFormFields
        values={form.values as TaskFormValues}
        errors={form.errors}
        change={form.change}
        who={
          seed.customerId === undefined ? (
            <CustomerPicker
              error={form.errors.customerId}
              onChange={(customerId) => form.change('customerId', customerId)}
            />
          ) : (
            <TaskOwnerLine customerName={seed.customerName ?? null} dealTitle={seed.dealTitle ?? null} />
          )
        }
      />
    </QuickFormDialog>
  );
}

/** Who a follow-up is for, when the form does not let it change: the customer, and the deal if any. */
export function TaskOwnerLine({
  customerName,
  dealTitle,
}: {
  customerName: string | null;
  dealTitle: string | null;
}) {
  const { t } = useTaskFormat();
  if (customerName === null && dealTitle === null) return null;
  return (
    <p className="field-wide">
      {dealTitle
        ? t('followups.form.forDeal', { name: customerName ?? '', title: dealTitle })
        : t('followups.form.forCustomer', { name: customerName ?? '' })}
    </p>
  );
}
