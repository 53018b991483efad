import { z } from 'zod';
import {
  conversationFields,
  taskFields,
  type ConversationKind,
  type FieldIssue,
} from '../../../src-shared/contract';
import { toOffsetIso } from '../customers/localTime';

/** The quick-capture form as it holds its values: all text, as typed (see useQuickForm). */
export interface CaptureValues {
  customerId: string;
  kind: ConversationKind;
  direction: 'inbound' | 'outbound';
  note: string;
  /** Empty = no follow-up. */
  dueDate: string;
  /** Empty = all day. */
  dueTime: string;
}

export const CAPTURE_FIELDS = [
  'customerId',
  'kind',
  'direction',
  'note',
  'dueDate',
  'dueTime',
] as const satisfies readonly (keyof CaptureValues)[];
export type CaptureField = (typeof CAPTURE_FIELDS)[number];

export const BLANK_CAPTURE: CaptureValues = {
  customerId: '',
  kind: 'call',
  direction: 'outbound',
  note: '',
  dueDate: '',
  dueTime: '',
};

/**
 * One save is two calls; checking both inputs with their channels' own schemas before the first is
 * sent means a bad follow-up date never leaves a conversation logged without its follow-up.
 */
export const captureInput = z.strictObject({
  conversation: conversationFields,
  followUp: taskFields.nullable(),
});
export type CaptureInput = z.input<typeof captureInput>;

/** tasks.create's limit on a title, in UTF-16 units as the schema counts them. */
const TITLE_MAX = 300;

/**
 * The follow-up's title: the note's first non-empty line (what the owner wrote first is what it is
 * about), else `fallback`. A long line is cut at the limit with "…", never inside a character.
 */
export function followUpTitle(note: string, fallback: string, max = TITLE_MAX): string {
  const line = note
    .split(/\r\n|\r|\n/)
    .map((text) => text.trim())
    .find((text) => text !== '');
  if (!line) return fallback;
  if (line.length <= max) return line;
  let cut = '';
  for (const character of line) {
    if (cut.length + character.length > max - 1) break;
    cut += character;
  }
  return `${cut.trimEnd()}…`;
}

/**
 * Where an issue shows: both channels' paths (`conversation.body`, or a server's `body`), the
 * note's two uses (the conversation's body, the follow-up's title) at the note.
 */
export function captureFieldOf(path: string): CaptureField | undefined {
  const name = path.replace(/^(conversation|followUp)\./, '').split('.')[0];
  if (name === 'body' || name === 'title') return 'note';
  return CAPTURE_FIELDS.find((field) => field === name);
}

/**
 * The form -> both inputs, plus the issues only the form can see: no customer picked, a time without
 * a day. `now` is the conversation's moment (the owner logs what just happened).
 */
export function toCaptureInput(
  values: CaptureValues,
  fallbackTitle: string,
  now: Date,
): { input: CaptureInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (!values.customerId) issues.push({ path: 'customerId', code: 'required', message: 'Pick a customer' });
  const dueTime = values.dueTime.trim();
  if (dueTime && !values.dueDate) {
    issues.push({ path: 'dueDate', code: 'required', message: 'Pick the follow-up’s day' });
  }
  const customerId = Number(values.customerId);
  const conversation = {
    customerId,
    kind: values.kind,
    direction: values.direction,
    occurredAt: toOffsetIso(now),
    body: values.note,
  };
  const followUp = values.dueDate
    ? {
        title: followUpTitle(values.note, fallbackTitle),
        customerId,
        dueDate: values.dueDate,
        dueTime: dueTime || null,
      }
    : null;
  return { input: { conversation, followUp }, issues };
}

/**
 * What identifies the conversation a draft would log, leaving out its moment: when the follow-up
 * failed after the conversation was logged, saving the same draft again must not log it twice.
 */
export function conversationKey(conversation: CaptureInput['conversation']): string {
  const { occurredAt: _occurredAt, ...rest } = conversation;
  return JSON.stringify(rest);
}
