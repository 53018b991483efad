import { useState } from 'react';
import { FEEDBACK_KINDS, feedbackFields } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { pickedInstant, toLocalInput } from './localTime';
import { DateTimeField, QuickFormDialog, SelectField } from './QuickFormDialog';
import { useCustomerDetailStore } from './useCustomerDetailStore';
import { useQuickForm } from './useQuickForm';

const FIELDS = ['kind', 'score', 'answeredAt', 'comment'] as const;
const SCORES = { csat: [1, 2, 3, 4, 5], nps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } as const;

/** "Add feedback": one CSAT (1–5) or NPS (0–10) answer with its comment. */
export function FeedbackForm({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const t = useT();
  const addFeedback = useCustomerDetailStore((s) => s.addFeedback);
  const [opened] = useState(() => toLocalInput(new Date()));
  const { values, errors, change, ...frame } = useQuickForm({
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
    <QuickFormDialog title={t('customer.feedbackForm.title')} onClose={onClose} {...frame}>
      <SelectField
        name="kind"
        label={t('customer.feedbackForm.kind')}
        value={values.kind}
        error={errors.kind}
        onChange={(value) => change('kind', value)}
        choices={FEEDBACK_KINDS.map((kind) => ({
          value: kind,
          label: t(`customer.feedbackForm.kind.${kind}`),
        }))}
        first
      />
      <SelectField
        name="score"
        label={t('customer.feedbackForm.score')}
        value={values.score}
        error={errors.score}
        onChange={(value) => change('score', value)}
        choices={scores.map((score) => ({ value: String(score), label: String(score) }))}
        noneLabel={t('customer.form.notSet')}
      />
      <DateTimeField
        name="answeredAt"
        label={t('customer.feedbackForm.answeredAt')}
        value={values.answeredAt}
        error={errors.answeredAt}
        onChange={(value) => change('answeredAt', value)}
        className="field-wide"
      />
      <TextField
        name="comment"
        label={t('customer.feedbackForm.comment')}
        value={values.comment}
        onChange={(value) => change('comment', value)}
        error={errors.comment}
        multiline
        className="field-wide"
      />
    </QuickFormDialog>
  );
}
