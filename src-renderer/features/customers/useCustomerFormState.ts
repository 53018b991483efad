import { useState } from 'react';
import {
  CUSTOMER_SCALAR_FIELDS,
  customerFields,
  toFieldIssues,
  type Consent,
  type Customer,
  type CustomerFieldsInput,
  type CustomerScalarField,
  type CustomFieldDefinition,
  type FieldIssue,
} from '../../../src-shared/contract';

/** The scalar fields typed as text: all but consent, which is a choice of three. */
export const TEXT_FIELDS = CUSTOMER_SCALAR_FIELDS.filter(
  (field): field is Exclude<CustomerScalarField, 'consent'> => field !== 'consent',
);
export type TextFieldName = (typeof TEXT_FIELDS)[number];
export type ContactKind = 'emails' | 'phones';

export type CustomerFormValues = Record<TextFieldName, string> & {
  consent: Consent;
  /** Rows in the owner's order, blanks included (a row being typed): the first filled one is primary. */
  emails: string[];
  phones: string[];
  tagIds: number[];
  /** Keyed by custom field id, as typed. */
  custom: Record<string, string>;
};

/**
 * Field errors keyed by where they show: `name`, `emails.1` (the row as displayed), `custom.3`,
 * `tagIds`. The first issue per place wins.
 */
export type CustomerFormErrors = Record<string, FieldIssue>;

export function initialValues(customer?: Customer): CustomerFormValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((field) => [field, customer?.[field] ?? ''])) as Record<
    TextFieldName,
    string
  >;
  const emails = customer?.emails ?? [];
  const phones = customer?.phones.map((phone) => phone.value) ?? [];
  return {
    ...text,
    consent: customer?.consent ?? 'unknown',
    // One empty row to type into, so a new form looks like a form, not a list of buttons.
    emails: emails.length > 0 ? emails : [''],
    phones: phones.length > 0 ? phones : [''],
    tagIds: customer?.tags.map((tag) => tag.id) ?? [],
    custom: Object.fromEntries(
      Object.entries(customer?.custom ?? {}).map(([key, value]) => [key, String(value)]),
    ),
  };
}

/** Filled rows only, with where each one sits on screen, so `emails.0` from the schema finds its row. */
function filled(rows: string[]): { values: string[]; rowOf: number[] } {
  const values: string[] = [];
  const rowOf: number[] = [];
  rows.forEach((row, index) => {
    if (row.trim()) {
      values.push(row);
      rowOf.push(index);
    }
  });
  return { values, rowOf };
}

/** The channel input the form's values stand for, and how to find an issue's place on the form. */
export function toCustomerInput(values: CustomerFormValues, definitions: readonly CustomFieldDefinition[]) {
  const emails = filled(values.emails);
  const phones = filled(values.phones);
  const clientIssues: FieldIssue[] = [];
  const custom: Record<string, string | number | null> = {};
  for (const definition of definitions) {
    const key = String(definition.id);
    const text = (values.custom[key] ?? '').trim();
    if (!text) custom[key] = null;
    else if (definition.type !== 'number') custom[key] = text;
    else {
      const number = Number(text.replace(/,/g, ''));
      if (Number.isFinite(number)) custom[key] = number;
      else clientIssues.push({ path: `custom.${key}`, code: 'number', message: 'Not a number' });
    }
  }
  const input: CustomerFieldsInput = {
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, values[field]])),
    name: values.name,
    consent: values.consent,
    emails: emails.values,
    phones: phones.values,
    tagIds: values.tagIds,
    custom,
  };

  /** `patch.emails.1` (the second filled email) -> `emails.<its row>`; `tagIds.2` -> `tagIds`. */
  const placeOf = (path: string): string => {
    const [field = '', index] = path.replace(/^patch\./, '').split('.');
    if ((field === 'emails' || field === 'phones') && index !== undefined) {
      const rows = field === 'emails' ? emails.rowOf : phones.rowOf;
      return `${field}.${rows[Number(index)] ?? 0}`;
    }
    if (field === 'custom' && index !== undefined) return `custom.${index}`;
    return field;
  };
  return { input, clientIssues, placeOf };
}

export function placeIssues(
  issues: readonly FieldIssue[],
  placeOf: (path: string) => string,
): CustomerFormErrors {
  const errors: CustomerFormErrors = {};
  for (const issue of issues) errors[placeOf(issue.path)] ??= issue;
  return errors;
}

/** Client-side check with the very schema the server uses, so the two never disagree. */
export function validateCustomer(values: CustomerFormValues, definitions: readonly CustomFieldDefinition[]) {
  const { input, clientIssues, placeOf } = toCustomerInput(values, definitions);
  const result = customerFields.safeParse(input);
  const issues = result.success ? clientIssues : [...clientIssues, ...toFieldIssues(result.error, input)];
  return {
    data: issues.length === 0 && result.success ? result.data : null,
    errors: placeIssues(issues, placeOf),
    placeOf,
  };
}

/**
 * Values and field errors of the customer form. A place that already shows an error is re-checked
 * as the user types, so the message disappears as soon as it is fixed; untouched fields stay quiet.
 */
export function useCustomerFormState(
  customer: Customer | undefined,
  definitions: readonly CustomFieldDefinition[],
) {
  const [values, setValues] = useState<CustomerFormValues>(() => initialValues(customer));
  const [errors, setErrors] = useState<CustomerFormErrors>({});

  const update = (next: CustomerFormValues, places: string[]) => {
    setValues(next);
    if (!places.some((place) => errors[place])) return;
    const fresh = validateCustomer(next, definitions).errors;
    const kept = { ...errors };
    for (const place of places) {
      if (fresh[place]) kept[place] = fresh[place];
      else delete kept[place];
    }
    setErrors(kept);
  };

  const change = (field: TextFieldName | 'consent', value: string) =>
    update({ ...values, [field]: value }, [field]);

  const changeCustom = (key: string, value: string) =>
    update({ ...values, custom: { ...values.custom, [key]: value } }, [`custom.${key}`]);

  /** Rows move as a whole (remove, make primary): their errors no longer sit on the right row, so drop them. */
  const setRows = (kind: ContactKind, rows: string[], changedRow?: number) => {
    const next = { ...values, [kind]: rows };
    if (changedRow !== undefined) return update(next, [`${kind}.${changedRow}`]);
    setValues(next);
    setErrors(Object.fromEntries(Object.entries(errors).filter(([place]) => !place.startsWith(`${kind}.`))));
  };

  const toggleTag = (id: number) =>
    update(
      {
        ...values,
        tagIds: values.tagIds.includes(id)
          ? values.tagIds.filter((tag) => tag !== id)
          : [...values.tagIds, id],
      },
      ['tagIds'],
    );

  return { values, errors, setErrors, change, changeCustom, setRows, toggleTag };
}
