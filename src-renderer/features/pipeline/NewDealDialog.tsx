import { useShallow } from 'zustand/react/shallow';
import { dealFields } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { QuickFormDialog, SelectField } from '../customers/QuickFormDialog';
import { useCustomerOptions } from '../customers/useCustomerOptions';
import { useQuickForm } from '../customers/useQuickForm';
import { DEAL_FORM_FIELDS, dealFieldOf, dealFormValues, toCreateInput } from './dealForm';
import { CustomerPicker } from './CustomerPicker';
import { DealFields, describeDealIssue } from './DealFields';
import { stageName } from './stageName';
import { useDealEditorStore, type NewDealSeed } from './useDealEditorStore';
import { useDealStagesStore } from './useDealStagesStore';

/**
 * A new deal: from a column's "+" (its stage set), from a customer's page (its customer set) or from
 * the list. Only what a deal needs to exist; the rest is edited on the deal afterwards.
 */
export function NewDealDialog({ seed }: { seed: NewDealSeed }) {
  const t = useT();
  const { create, cancelNew } = useDealEditorStore(
    useShallow((s) => ({ create: s.create, cancelNew: s.cancelNew })),
  );
  const stages = useDealStagesStore((s) => s.stages);
  const { currency } = useCustomerOptions();
  const { values, errors, change, ...frame } = useQuickForm({
    fields: DEAL_FORM_FIELDS,
    initial: dealFormValues(null, {
      currency,
      customerId: seed.customerId,
      stageId: seed.stageId ?? stages[0]?.id,
    }),
    schema: dealFields,
    build: toCreateInput,
    fieldOf: dealFieldOf,
    describe: (field, issue) => describeDealIssue(t, field, issue),
    send: create,
    onDone: () => undefined,
  });

  return (
    <QuickFormDialog title={t('pipeline.form.newTitle')} onClose={cancelNew} {...frame}>
      {seed.customerId === undefined ? (
        <CustomerPicker
          error={errors.customerId}
          autoFocus
          onChange={(customerId) => change('customerId', customerId)}
        />
      ) : (
        <p className="field-wide">{t('pipeline.form.forCustomer', { name: seed.customerName ?? '' })}</p>
      )}
      <SelectField
        name="stageId"
        label={t('pipeline.form.stage')}
        value={values.stageId}
        error={errors.stageId}
        first={seed.customerId !== undefined}
        onChange={(value) => change('stageId', value)}
        choices={stages.map((stage) => ({ value: String(stage.id), label: stageName(t, stage) }))}
      />
      <DealFields values={values} errors={errors} change={change} stageProbability={null} compact />
    </QuickFormDialog>
  );
}
