import { useState } from 'react';
import { ORDER_STATUSES, orderFields, type FieldIssue } from '../../../src-shared/contract';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { Field } from './Field';
import { pickedInstant, toLocalInput } from './localTime';
import { parseAmount } from './money';
import { QuickFormFooter } from './QuickFormFooter';
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
  const { values, errors, change, submit, formError, saving, formRef } = useQuickForm({
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
    <Dialog title={t('customer.orderForm.title')} onClose={onClose}>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form-grid">
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
          <Field label={t('customer.orderForm.orderedAt')} error={errors.orderedAt}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                name="orderedAt"
                value={values.orderedAt}
                onChange={(event) => change('orderedAt', event.target.value)}
              />
            )}
          </Field>
          <Field label={t('customer.orderForm.status')} error={errors.status}>
            {(control) => (
              <select
                {...control}
                name="status"
                value={values.status}
                onChange={(event) => change('status', event.target.value)}
              >
                {ORDER_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`customer.order.status.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
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
        </div>
        <QuickFormFooter formError={formError} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
