import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CONSENT_VALUES, type Customer, type FieldIssue } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { useRouteStore } from '../../app/useRouteStore';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../forms/TextField';
import { describeError, describeIssue } from '../../i18n/describe';
import { useT } from '../../i18n/useI18n';
import { choiceName } from './choiceName';
import { ContactRows } from './ContactRows';
import { CustomFieldInputs } from './CustomFieldInputs';
import { DuplicateHint } from './DuplicateHint';
import { Field } from './Field';
import { TagPicker } from './TagPicker';
import { useCustomerOptions } from './useCustomerOptions';
import { useCustomerStore } from './useCustomerStore';
import {
  placeIssues,
  useCustomerFormState,
  validateCustomer,
  type TextFieldName,
} from './useCustomerFormState';
import { useDuplicateCheck } from './useDuplicateCheck';
import { SaveCancelActions } from '../../forms/SaveCancelActions';

interface CustomerFormProps {
  /** Absent: create a new customer (and open their page once saved). */
  customer?: Customer;
  onClose: () => void;
  onSaved?: (customer: Customer) => void;
}

/**
 * Create or edit one customer, every field of the record, in a dialog. Field errors come from the
 * shared schema first, the server second (rules only it knows: stages, tags, custom field types).
 */
export function CustomerForm({ customer, onClose, onSaved }: CustomerFormProps) {
  const t = useT();
  const { create, update } = useCustomerStore(useShallow((s) => ({ create: s.create, update: s.update })));
  const options = useCustomerOptions();
  const navigate = useRouteStore((s) => s.navigate);
  const form = useCustomerFormState(customer, options.customFields);
  const { values, errors, setErrors, change } = form;
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [focusToken, setFocusToken] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const duplicates = useDuplicateCheck(values, customer === undefined);
  // After a failed save, the first field (in reading order) that shows an error gets the focus.
  useEffect(() => {
    if (focusToken > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusToken]);

  const showIssues = (issues: Record<string, FieldIssue>, other: FieldIssue | undefined) => {
    setErrors(issues);
    setFormError(other ? describeIssue(t, other) : null);
    setFocusToken((token) => token + 1);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    const checked = validateCustomer(values, options.customFields);
    if (!checked.data) return showIssues(checked.errors, undefined);
    setFormError(null);
    setSaving(true);
    try {
      const saved = customer ? await update(customer.id, checked.data) : await create(checked.data);
      onSaved?.(saved);
      onClose();
      if (!customer) navigate('customer', saved.id);
    } catch (caught) {
      const error = toApiError(caught);
      setSaving(false);
      const placed = placeIssues(error.issues, checked.placeOf);
      const shown = new Set(placeShown(formRef.current));
      const other = Object.entries(placed).find(([place]) => !shown.has(place))?.[1];
      showIssues(placed, other);
      if (!other && error.issues.length === 0) setFormError(describeError(t, error.code));
    }
  };

  const text = (
    name: TextFieldName,
    extra: { multiline?: boolean; wide?: boolean; autoFocus?: boolean } = {},
  ) => {
    const issue = errors[name];
    return (
      <TextField
        name={name}
        label={t(`customer.field.${name}`)}
        value={values[name]}
        onChange={(value) => change(name, value)}
        error={issue ? describeIssue(t, issue) : undefined}
        multiline={extra.multiline}
        className={extra.wide ? 'field-wide' : undefined}
        required={name === 'name'}
        requiredMark={t('customers.form.requiredMark')}
        autoFocus={extra.autoFocus}
      />
    );
  };

  const choice = (name: 'source' | 'stage') => {
    const list = name === 'source' ? options.sources : options.stages;
    const keys = list.map((option) => option.key);
    // A value the owner has since removed from Settings stays on the record that has it.
    if (values[name] && !keys.includes(values[name])) keys.push(values[name]);
    const issue = errors[name];
    return (
      <Field label={t(`customer.field.${name}`)} error={issue ? describeIssue(t, issue) : undefined}>
        {(control) => (
          <select
            {...control}
            name={name}
            value={values[name]}
            onChange={(event) => change(name, event.target.value)}
          >
            <option value="">{t('customer.form.notSet')}</option>
            {keys.map((key) => (
              <option key={key} value={key}>
                {choiceName(t, name, list, key)}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  };

  const issueText = (place: string) => (errors[place] ? describeIssue(t, errors[place]) : undefined);

  return (
    <Dialog title={t(customer ? 'customers.form.editTitle' : 'customers.form.createTitle')} onClose={onClose}>
      <form ref={formRef} className="form customer-form" noValidate onSubmit={(event) => void submit(event)}>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="form-grid">
          {text('name', { wide: true, autoFocus: true })}
          {customer || duplicates.length === 0 ? null : (
            <div className="field-wide">
              <DuplicateHint matches={duplicates} />
            </div>
          )}
          {text('company')}
          {text('jobTitle')}
          <h3 className="form-section field-wide">{t('customer.form.section.contact')}</h3>
          <ContactRows
            kind="emails"
            rows={values.emails}
            errors={errors}
            onChange={(rows, row) => form.setRows('emails', rows, row)}
          />
          <ContactRows
            kind="phones"
            rows={values.phones}
            errors={errors}
            onChange={(rows, row) => form.setRows('phones', rows, row)}
          />
          {text('wechat')}
          <Field label={t('customer.field.consent')} error={issueText('consent')}>
            {(control) => (
              <select
                {...control}
                name="consent"
                value={values.consent}
                onChange={(event) => change('consent', event.target.value)}
              >
                {CONSENT_VALUES.map((value) => (
                  <option key={value} value={value}>
                    {t(`customer.consent.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <h3 className="form-section field-wide">{t('customer.form.section.address')}</h3>
          {text('country')}
          {text('province')}
          {text('city')}
          {text('postcode')}
          {text('street', { wide: true })}
          <h3 className="form-section field-wide">{t('customer.form.section.details')}</h3>
          {choice('source')}
          {choice('stage')}
          <Field label={t('customer.field.birthday')} error={issueText('birthday')}>
            {(control) => (
              <input
                {...control}
                type="date"
                name="birthday"
                value={values.birthday}
                onChange={(event) => change('birthday', event.target.value)}
              />
            )}
          </Field>
          <TagPicker
            tags={options.tags}
            selected={values.tagIds}
            error={issueText('tagIds')}
            onToggle={form.toggleTag}
          />
          {text('notes', { multiline: true, wide: true })}
          {options.customFields.length > 0 ? (
            <>
              <h3 className="form-section field-wide">{t('customer.form.section.custom')}</h3>
              <CustomFieldInputs
                definitions={options.customFields}
                values={values.custom}
                errors={errors}
                onChange={form.changeCustom}
              />
            </>
          ) : null}
        </div>
        <SaveCancelActions saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** The places this form can show an error at: every named control, and `tagIds` for the tag chips. */
function placeShown(form: HTMLFormElement | null): string[] {
  if (!form) return [];
  return [...form.elements]
    .map((element) => element.getAttribute('name'))
    .filter((name): name is string => !!name);
}
