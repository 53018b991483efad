import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition } from '../../src-shared/contract';
import {
  initialValues,
  placeIssues,
  toCustomerInput,
  validateCustomer,
} from '../../src-renderer/features/customers/useCustomerFormState';

const definitions: CustomFieldDefinition[] = [
  { id: 3, label: 'Yearly volume', type: 'number', options: [], position: 0 },
  { id: 4, label: 'Member no.', type: 'text', options: [], position: 1 },
];

const form = (patch: Partial<ReturnType<typeof initialValues>>) => ({ ...initialValues(), ...patch });

describe('customer form: values -> channel input, issues -> the input that shows them', () => {
  it('sends filled rows only, in order, the first one primary; empty custom values clear', () => {
    const { input } = toCustomerInput(
      form({ name: '李雷', phones: ['', '138 0013 8000', '12345'], custom: { '3': '1,200', '4': '' } }),
      definitions,
    );
    expect(input.phones).toEqual(['138 0013 8000', '12345']);
    expect(input.emails).toEqual([]);
    expect(input.custom).toEqual({ '3': 1200, '4': null });
  });

  it('puts a bad email at the row it was typed in, even with a blank row above it', () => {
    const checked = validateCustomer(form({ name: 'A', emails: ['', 'bad@'] }), definitions);
    expect(checked.data).toBeNull();
    expect(Object.keys(checked.errors)).toEqual(['emails.1']);
    expect(checked.errors['emails.1']?.code).toBe('email');
  });

  it('names a custom number field that got words, and a missing name', () => {
    const checked = validateCustomer(form({ name: '  ', custom: { '3': 'many' } }), definitions);
    expect(checked.data).toBeNull();
    expect(checked.errors['custom.3']?.code).toBe('number');
    expect(checked.errors.name?.code).toBe('required');
  });

  it('places server issues (update paths, tag indexes) where the form shows them', () => {
    const { placeOf } = toCustomerInput(form({ name: 'A', phones: ['', '1', '2'] }), definitions);
    const errors = placeIssues(
      [
        { path: 'patch.phones.1', code: 'invalid', message: '' },
        { path: 'custom.3', code: 'number', message: '' },
        { path: 'tagIds.2', code: 'option', message: '' },
        { path: 'patch.stage', code: 'option', message: '' },
      ],
      placeOf,
    );
    expect(Object.keys(errors).sort()).toEqual(['custom.3', 'phones.2', 'stage', 'tagIds']);
  });

  it('accepts a complete record', () => {
    const checked = validateCustomer(
      form({ name: '李雷', emails: ['li@example.com'], birthday: '1990-05-01', custom: { '3': '12' } }),
      definitions,
    );
    expect(checked.errors).toEqual({});
    expect(checked.data).toMatchObject({ name: '李雷', emails: ['li@example.com'], custom: { '3': 12 } });
  });
});
