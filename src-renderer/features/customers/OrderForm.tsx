import { useState } from 'react';
import { ORDER_STATUSES, orderFields, type FieldIssue } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { pickedInstant, toLocalInput } from './localTime';
import { parseAmount } from './money';
import { DateTimeField, QuickFormDialog, SelectField } from './QuickFormDialog';
import { useCustomerDetailStore } from './useCustomerDetailStore';
import { useCustomerOptions } from './useCustomerOptions';
import { useQuickForm } from './useQuickForm';

const FIELDS = ['orderedAt', 'amount', 'currency', 'status', 'description', 'externalRef'] as const;

/**
 * "Add order": the amount is typed as a decimal ("1,299.50") and sent as cents. Text that is not an
 * amount is refused at the field before anything is sent.
 */
export function OrderForm({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const t = useT();
  const addOrder = useCustomerDetailStore((s) => s.addOrder);
  const defaultCurrency = useCustomerOptions().currency;
  const [opened] = useState(() => toLocalInput(new Date()));
  const { values, errors, change, ...frame } = useQuickForm({
    fields: FIELDS,
    initial: {
      orderedAt: opened,
      amount: '',
      currency: defaultCurrency,
      status: 'paid',
      description: '',
      externalRef: '',
    },
    schema: orderFields,
    build: (values) => {
      const issues: FieldIssue[] = [];
      const currency = values.currency.trim().toUpperCase();
      let amountCents: number | undefined;
      if (!values.amount.trim()) {
        issues.push({ path: 'amount', code: 'required', message: 'An amount is required' });
      } else {
        amountCents = parseAmount(values.amount, /^[A-Z]{3}$/.test(currency) ? currency : 'XXX') ?? undefined;
        if (amountCents === undefined)
          issues.push({ path: 'amount', code: 'invalid', message: 'Not an amount' });
      }
      return {
        input: {
          customerId,
          orderedAt: pickedInstant(values.orderedAt, opened),
          amountCents,
          currency,
          status: values.status as (typeof ORDER_STATUSES)[number],
          description: values.description,
          externalRef: values.externalRef,
        },
        issues,
      };
    },
    fieldOf: (path) => (path === 'amountCents' ? 'amount' : undefined),
    describe: (field, issue) =>
      field === 'amount' && issue.code === 'invalid' ? t('customer.orderForm.amountInvalid') : undefined,
    send: addOrder,
    onDone: onClose,
  });

  return (
    <QuickFormDialog title={t('customer.orderForm.title')} onClose={onClose} {...frame}>
      <TextField
        name="amount"
        label={t('customer.orderForm.amount')}
        value={values.amount}
        onChange={(value) => change('amount', value)}
        error={errors.amount}
        required
        requiredMark={t('customers.form.requiredMark')}
        autoFocus
      />
      <TextField
        name="currency"
        label={t('customer.orderForm.currency')}
        value={values.currency}
        onChange={(value) => change('currency', value)}
        error={errors.currency}
        maxLength={3}
      />
      <DateTimeField
        name="orderedAt"
        label={t('customer.orderForm.orderedAt')}
        value={values.orderedAt}
        error={errors.orderedAt}
        onChange={(value) => change('orderedAt', value)}
      />
      <SelectField
        name="status"
        label={t('customer.orderForm.status')}
        value={values.status}
        error={errors.status}
        onChange={(value) => change('status', value)}
        choices={ORDER_STATUSES.map((status) => ({
          value: status,
          label: t(`customer.order.status.${status}`),
        }))}
      />
      <TextField
        name="description"
        label={t('customer.orderForm.description')}
        value={values.description}
        onChange={(value) => change('description', value)}
        error={errors.description}
        className="field-wide"
      />
      <TextField
        name="externalRef"
        label={t('customer.orderForm.externalRef')}
        value={values.externalRef}
        onChange={(value) => change('externalRef', value)}
        error={errors.externalRef}
        className="field-wide"
      />
    </QuickFormDialog>
  );
}
