import { useEffect } from 'react';
import { SaveAction } from '../../forms/SaveAction';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { conversationKindChoices, directionChoices } from '../customers/conversationChoices';
import { SelectField } from '../customers/QuickFormDialog';
import { useQuickForm } from '../customers/useQuickForm';
import { CustomerPicker } from '../pipeline/CustomerPicker';
import {
  BLANK_CAPTURE,
  CAPTURE_FIELDS,
  captureFieldOf,
  captureInput,
  conversationKey,
  toCaptureInput,
  type CaptureValues,
} from './captureForm';
import { DueFields } from './DueFields';
import { useQuickCaptureStore } from './useQuickCaptureStore';

/**
 * Customer, channel, note and an optional next follow-up: checked as one before anything is sent,
 * issues at their fields. It starts blank each time it mounts, which is how "Log another" clears it.
 */
export function QuickCaptureForm() {
  const t = useT();
  const save = useQuickCaptureStore((s) => s.save);
  const logged = useQuickCaptureStore((s) => s.logged);
  const fallbackTitle = t('followups.capture.defaultTitle');
  const form = useQuickForm({
    fields: CAPTURE_FIELDS,
    initial: BLANK_CAPTURE,
    schema: captureInput,
    // The form only ever holds the values its own controls offer, so the narrower type holds.
    build: (values) => toCaptureInput(values as CaptureValues, fallbackTitle, new Date()),
    fieldOf: captureFieldOf,
    describe: (field, issue) => {
      if (field === 'customerId') return t('followups.capture.customerRequired');
      if (field === 'dueDate' && issue.code === 'required') return t('followups.capture.dueDateRequired');
      return undefined;
    },
    send: save,
    onDone: () => undefined,
  });
  const { errors, change, formRef } = form;
  const values = form.values as CaptureValues;
  // Said only while saving would skip the conversation: this very draft's was logged, its follow-up not.
  const loggedOnly =
    logged !== null &&
    logged.key === conversationKey(toCaptureInput(values, fallbackTitle, new Date()).input.conversation);

  // A page, not a dialog: nothing else honours data-autofocus here. The window opens to type into.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [formRef]);

  return (
    <form
      ref={formRef}
      className="form capture-form"
      noValidate
      onSubmit={(event) => void form.submit(event)}
    >
      <div className="form-grid">
        <CustomerPicker
          error={errors.customerId}
          autoFocus
          onChange={(customerId) => change('customerId', customerId)}
        />
        <SelectField
          name="kind"
          label={t('followups.capture.channel')}
          value={values.kind}
          error={errors.kind}
          onChange={(value) => change('kind', value)}
          choices={conversationKindChoices(t)}
        />
        <SelectField
          name="direction"
          label={t('customer.conversationForm.direction')}
          value={values.direction}
          error={errors.direction}
          onChange={(value) => change('direction', value)}
          choices={directionChoices(t)}
        />
        <TextField
          name="note"
          label={t('followups.capture.note')}
          value={values.note}
          onChange={(value) => change('note', value)}
          error={errors.note}
          multiline
          className="field-wide"
        />
        <fieldset className="field-wide capture-next">
          <legend>{t('followups.capture.next')}</legend>
          <DueFields values={values} errors={errors} change={change} />
        </fieldset>
      </div>
      {loggedOnly ? (
        <p className="form-error form-error-bottom" role="status">
          {t('followups.capture.loggedOnly')}
        </p>
      ) : null}
      {form.formError ? (
        <p className="form-error form-error-bottom" role="alert">
          {form.formError}
        </p>
      ) : null}
      <SaveAction busy={form.saving} />
    </form>
  );
}
