import { useState } from 'react';
import { CONVERSATION_KINDS, DIRECTIONS, conversationFields } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { useT } from '../../i18n/useI18n';
import { conversationKindChoices, directionChoices } from './conversationChoices';
import { Field } from './Field';
import { pickedInstant, toLocalInput } from './localTime';
import { DateTimeField, QuickFormDialog, SelectField } from './QuickFormDialog';
import { useCustomerDetailStore } from './useCustomerDetailStore';
import { useQuickForm } from './useQuickForm';

const FIELDS = ['kind', 'direction', 'occurredAt', 'subject', 'body', 'durationMinutes'] as const;

/** An empty or whole-number duration; anything else goes to the schema as text, which names the field. */
const minutes = (text: string): number | string | null => {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};

/** "Log a conversation" (Ctrl/Cmd+L on the customer page): when defaults to now. */
export function ConversationForm({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const t = useT();
  const logConversation = useCustomerDetailStore((s) => s.logConversation);
  const [opened] = useState(() => toLocalInput(new Date()));
  const { values, errors, change, ...frame } = useQuickForm({
    fields: FIELDS,
    initial: {
      kind: 'call',
      direction: '',
      occurredAt: opened,
      subject: '',
      body: '',
      durationMinutes: '',
    },
    schema: conversationFields,
    build: (values) => ({
      input: {
        customerId,
        kind: values.kind as (typeof CONVERSATION_KINDS)[number],
        direction: (values.direction || null) as (typeof DIRECTIONS)[number] | null,
        occurredAt: pickedInstant(values.occurredAt, opened),
        subject: values.subject,
        body: values.body,
        durationMinutes: minutes(values.durationMinutes) as number | null,
      },
      issues: [],
    }),
    // The schema's generic words ("at most 1440 characters") would mislead for a number of minutes.
    describe: (field) =>
      field === 'durationMinutes' ? t('customer.conversationForm.durationInvalid') : undefined,
    send: logConversation,
    onDone: onClose,
  });

  return (
    <QuickFormDialog title={t('customer.conversationForm.title')} onClose={onClose} {...frame}>
      <SelectField
        name="kind"
        label={t('customer.conversationForm.kind')}
        value={values.kind}
        error={errors.kind}
        onChange={(value) => change('kind', value)}
        choices={conversationKindChoices(t)}
        first
      />
      <SelectField
        name="direction"
        label={t('customer.conversationForm.direction')}
        value={values.direction}
        error={errors.direction}
        onChange={(value) => change('direction', value)}
        choices={directionChoices(t)}
        noneLabel={t('customer.conversationForm.noDirection')}
      />
      <DateTimeField
        name="occurredAt"
        label={t('customer.conversationForm.occurredAt')}
        value={values.occurredAt}
        error={errors.occurredAt}
        onChange={(value) => change('occurredAt', value)}
      />
      <Field label={t('customer.conversationForm.duration')} error={errors.durationMinutes}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            name="durationMinutes"
            autoComplete="off"
            value={values.durationMinutes}
            onChange={(event) => change('durationMinutes', event.target.value)}
          />
        )}
      </Field>
      <TextField
        name="subject"
        label={t('customer.conversationForm.subject')}
        value={values.subject}
        onChange={(value) => change('subject', value)}
        error={errors.subject}
        className="field-wide"
      />
      <TextField
        name="body"
        label={t('customer.conversationForm.body')}
        value={values.body}
        onChange={(value) => change('body', value)}
        error={errors.body}
        multiline
        className="field-wide"
      />
    </QuickFormDialog>
  );
}
