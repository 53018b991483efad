import { useState } from 'react';
import { dealCloseInput, type Deal, type FieldIssue } from '../../../src-shared/contract';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../customers/Field';
import { QuickFormDialog, SelectField } from '../customers/QuickFormDialog';
import { useQuickForm } from '../customers/useQuickForm';
import { choiceLabel } from '../settings/choiceLabel';
import { useSettingsStore } from '../settings/useSettingsStore';
import { localToday, useDealFormat } from './dealFormat';
import { useDealEditorStore, type DealOutcome } from './useDealEditorStore';

const FIELDS = ['closedOn', 'lostReason', 'createOrder'] as const;
const YES = 'yes';

/**
 * Closing a deal as won (with the matching order, checked by default, so analytics sees the revenue)
 * or as lost (with the reason, required: the forecast's win rates learn from it).
 */
export function CloseDealDialog({ deal, outcome }: { deal: Deal; outcome: DealOutcome }) {
  const format = useDealFormat();
  const { t } = format;
  const { close, cancelClose } = useDealEditorStore(
    useShallow((s) => ({ close: s.close, cancelClose: s.cancelClose })),
  );
  const reasons = useSettingsStore((s) => s.settings?.dealLostReasons) ?? [];
  const [today] = useState(localToday);
  const { values, errors, change, ...frame } = useQuickForm({
    fields: FIELDS,
    initial: { closedOn: today, lostReason: '', createOrder: YES },
    schema: dealCloseInput,
    build: (values) => {
      const issues: FieldIssue[] = [];
      if (outcome === 'lost' && !values.lostReason) {
        issues.push({ path: 'lostReason', code: 'required', message: 'Pick why the deal was lost' });
      }
      return {
        input: {
          id: deal.id,
          outcome,
          closedOn: values.closedOn,
          lostReason: outcome === 'lost' ? values.lostReason : undefined,
          createOrder: outcome === 'won' && values.createOrder === YES,
        },
        issues,
      };
    },
    send: close,
    onDone: () => undefined,
  });

  return (
    <QuickFormDialog
      title={t(`pipeline.close.${outcome}Title`, { title: deal.title })}
      onClose={cancelClose}
      {...frame}
    >
      <Field label={t('pipeline.close.closedOn')} error={errors.closedOn}>
        {(control) => (
          <input
            {...control}
            type="date"
            name="closedOn"
            value={values.closedOn}
            data-autofocus={outcome === 'won' ? true : undefined}
            onChange={(event) => change('closedOn', event.target.value)}
          />
        )}
      </Field>
      {outcome === 'lost' ? (
        <SelectField
          name="lostReason"
          label={t('pipeline.close.lostReason')}
          value={values.lostReason}
          error={errors.lostReason}
          first
          noneLabel={t('pipeline.close.pickReason')}
          onChange={(value) => change('lostReason', value)}
          choices={reasons.map((reason) => ({
            value: reason.key,
            label: choiceLabel(t, 'lostReason', reason),
          }))}
        />
      ) : (
        <label className="checkbox-field field-wide">
          <input
            type="checkbox"
            name="createOrder"
            checked={values.createOrder === YES}
            onChange={(event) => change('createOrder', event.target.checked ? YES : '')}
          />
          {t('pipeline.close.createOrder', { amount: format.money(deal.valueCents, deal.currency) })}
        </label>
      )}
    </QuickFormDialog>
  );
}
