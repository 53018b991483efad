import { useState } from 'react';
import { FEEDBACK_KINDS, feedbackFields } from '../../../src-shared/contract';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { Field } from './Field';
import { pickedInstant, toLocalInput } from './localTime';
import { QuickFormFooter } from './QuickFormFooter';
import { useCustomerDetailStore } from './useCustomerDetailStore';
import { useQuickForm } from './useQuickForm';

const FIELDS = ['kind', 'score', 'answeredAt', 'comment'] as const;
const SCORES = { csat: [1, 2, 3, 4, 5], nps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } as const;

/** "Add feedback": one CSAT (1–5) or NPS (0–10) answer with its comment. */
export function FeedbackForm({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const t = useT();
  const addFeedback = useCustomerDetailStore((s) => s.addFeedback);
  const [opened] = useState(() => toLocalInput(new Date()));
  const { values, errors, change, submit, formError, saving, formRef } = useQuickForm({
    fields: FIELDS,
    initial: { kind: 'csat', score: '', answeredAt: opened, comment: '' },
    schema: feedbackFields,
    build: (values) => ({
      input: {
        customerId,
        kind: values.kind as (typeof FEEDBACK_KINDS)[number],
        // An unpicked score goes on as missing, which the schema reports as required at the field.
        score: (values.score === '' ? undefined : Number(values.score)) as number,
        answeredAt: pickedInstant(values.answeredAt, opened),
        comment: values.comment,
      },
      issues: [],
    }),
    send: addFeedback,
    onDone: onClose,
  });
  const scores = values.kind === 'nps' ? SCORES.nps : SCORES.csat;

  return (
    <Dialog title={t('customer.feedbackForm.title')} onClose={onClose}>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form-grid">
          <Field label={t('customer.feedbackForm.kind')} error={errors.kind}>
            {(control) => (
              <select
                {...control}
                name="kind"
                data-autofocus
                value={values.kind}
                onChange={(event) => change('kind', event.target.value)}
              >
                {FEEDBACK_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`customer.feedbackForm.kind.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('customer.feedbackForm.score')} error={errors.score}>
            {(control) => (
              <select
                {...control}
                name="score"
                value={values.score}
                onChange={(event) => change('score', event.target.value)}
              >
                <option value="">{t('customer.form.notSet')}</option>
                {scores.map((score) => (
                  <option key={score} value={String(score)}>
                    {score}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('customer.feedbackForm.answeredAt')}
            error={errors.answeredAt}
            className="field-wide"
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                name="answeredAt"
                value={values.answeredAt}
                onChange={(event) => change('answeredAt', event.target.value)}
              />
            )}
          </Field>
          <TextField
            name="comment"
            label={t('customer.feedbackForm.comment')}
            value={values.comment}
            onChange={(value) => change('comment', value)}
            error={errors.comment}
            multiline
            className="field-wide"
          />
        </div>
        <QuickFormFooter formError={formError} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
