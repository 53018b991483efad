import { useState } from 'react';
import type { Customer, FieldIssue } from '../../../src-shared/contract';
import { customerFields, toFieldIssues } from '../../../src-shared/contract';
import { issuesByField } from '../../forms/issuesByField';

export const CUSTOMER_FORM_FIELDS = ['name', 'company', 'email', 'phone', 'city', 'notes'] as const;
export type CustomerFormField = (typeof CUSTOMER_FORM_FIELDS)[number];
export type CustomerFormValues = Record<CustomerFormField, string>;
export type CustomerFormErrors = Partial<Record<CustomerFormField, FieldIssue>>;

export function initialValues(customer?: Customer): CustomerFormValues {
  return {
    name: customer?.name ?? '',
    company: customer?.company ?? '',
    email: customer?.emails[0] ?? '',
    phone: customer?.phones[0]?.value ?? '',
    city: customer?.city ?? '',
    notes: customer?.notes ?? '',
  };
}

/** Client-side check with the very schema the server uses, so the two never disagree. */
export function validateCustomer(values: CustomerFormValues) {
  const { email, phone, ...rest } = values;
  const result = customerFields.safeParse({
    ...rest,
    emails: email.trim() ? [email] : [],
    phones: phone.trim() ? [phone] : [],
  });
  if (result.success) return { data: result.data, errors: {} as CustomerFormErrors };
  return {
    data: null,
    errors: issuesByField(toFieldIssues(result.error, values), CUSTOMER_FORM_FIELDS).byField,
  };
}

/**
 * Values and field errors of the customer form. A field that already shows an error is re-checked
 * as the user types, so the message disappears as soon as it is fixed; untouched fields stay quiet.
 */
export function useCustomerFormState(customer?: Customer) {
  const [values, setValues] = useState<CustomerFormValues>(() => initialValues(customer));
  const [errors, setErrors] = useState<CustomerFormErrors>({});

  const change = (field: CustomerFormField, value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (errors[field]) setErrors({ ...errors, [field]: validateCustomer(next).errors[field] });
  };

  return { values, errors, setErrors, change };
}
