import { useRef, useState, type FormEvent } from 'react';
import type { Customer } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { Dialog } from '../../components/Dialog';
import { issuesByField } from '../../forms/issuesByField';
import { TextField } from '../../forms/TextField';
import { describeError, describeIssue } from '../../i18n/describe';
import { useT } from '../../i18n/useI18n';
import {
  CUSTOMER_FORM_FIELDS,
  useCustomerFormState,
  validateCustomer,
  type CustomerFormField,
} from './useCustomerFormState';
import { useCustomerStore } from './useCustomerStore';

interface CustomerFormProps {
  /** Absent: create a new customer. */
  customer?: Customer;
  onClose: () => void;
}

const FIELD_TYPES: Partial<Record<CustomerFormField, 'email' | 'tel'>> = { email: 'email', phone: 'tel' };

/** Create or edit one customer in a dialog. Field errors come from the shared schema first, the server second. */
export function CustomerForm({ customer, onClose }: CustomerFormProps) {
  const t = useT();
  const create = useCustomerStore((state) => state.create);
  const update = useCustomerStore((state) => state.update);
  const moveToTrash = useCustomerStore((state) => state.moveToTrash);
  const { values, errors, setErrors, change } = useCustomerFormState(customer);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const focusField = (field: CustomerFormField | undefined) => {
    const element = field ? formRef.current?.elements.namedItem(field) : null;
    if (element instanceof HTMLElement) element.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const checked = validateCustomer(values);
    setErrors(checked.errors);
    if (!checked.data) {
      focusField(CUSTOMER_FORM_FIELDS.find((field) => checked.errors[field]));
      return;
    }
    setSaving(true);
    try {
      if (customer) await update(customer.id, checked.data);
      else await create(checked.data);
      onClose();
    } catch (caught) {
      const error = toApiError(caught);
      setSaving(false);
      // The server may still reject what the client accepted (rules only it knows): show it where it belongs.
      const { byField, other } = issuesByField(error.issues, CUSTOMER_FORM_FIELDS);
      setErrors(byField);
      const firstOther = other[0];
      setFormError(firstOther ? describeIssue(t, firstOther) : describeError(t, error.code));
      focusField(CUSTOMER_FORM_FIELDS.find((field) => byField[field]));
    }
  };

  const field = (name: CustomerFormField, extra: { multiline?: boolean; wide?: boolean } = {}) => {
    const issue = errors[name];
    return (
      <TextField
        name={name}
        label={t(`customers.field.${name}`)}
        value={values[name]}
        onChange={(value) => change(name, value)}
        error={issue ? describeIssue(t, issue) : undefined}
        type={FIELD_TYPES[name]}
        multiline={extra.multiline}
        className={extra.wide ? 'field-wide' : undefined}
        required={name === 'name'}
        requiredMark={t('customers.form.requiredMark')}
        autoFocus={name === 'name'}
      />
    );
  };

  return (
    <Dialog title={t(customer ? 'customers.form.editTitle' : 'customers.form.createTitle')} onClose={onClose}>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="form-grid">
          {field('name', { wide: true })}
          {field('company')}
          {field('email')}
          {field('phone')}
          {field('city')}
          {field('notes', { multiline: true, wide: true })}
        </div>
        <div className="form-actions">
          {customer ? (
            <button
              type="button"
              className="button button-danger-quiet form-actions-start"
              onClick={() => {
                onClose();
                void moveToTrash(customer);
              }}
            >
              {t('common.delete')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
