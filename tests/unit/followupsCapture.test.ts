import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../../src-shared/contract';
import { createApiClient } from '../../src-renderer/api/client';
import {
  BLANK_CAPTURE,
  captureFieldOf,
  captureInput,
  conversationKey,
  followUpTitle,
  toCaptureInput,
  type CaptureInput,
} from '../../src-renderer/features/followups/captureForm';
import { saveCapture, type LoggedDraft } from '../../src-renderer/features/followups/captureSave';
import { useTempBackend } from '../support/tempBackend';

const NOW = new Date('2026-03-02T10:15:00+08:00');

describe('followUpTitle: what the follow-up is called', () => {
  it('is the note’s first non-empty line, trimmed', () => {
    expect(followUpTitle('\n  \r\n  Send the spring price list  \nShe liked the oolong', 'Follow up')).toBe(
      'Send the spring price list',
    );
    expect(followUpTitle('报价跟进\r第二行', '跟进')).toBe('报价跟进');
  });

  it('falls back to the given title when the note says nothing', () => {
    expect(followUpTitle('', 'Follow up')).toBe('Follow up');
    expect(followUpTitle(' \n\t\n', '跟进')).toBe('跟进');
  });

  it('cuts a long line with an ellipsis within the limit, never inside a character', () => {
    const title = followUpTitle('a'.repeat(400), 'x');
    expect(title).toHaveLength(300);
    expect(title.endsWith('…')).toBe(true);
    // Each emoji is two UTF-16 units: the cut falls between them, not through one.
    const emoji = followUpTitle('😀'.repeat(10), 'x', 6);
    expect(emoji).toBe('😀😀…');
    expect(followUpTitle('ab😀', 'x', 3)).toBe('ab…');
  });
});

describe('toCaptureInput: the form as the two calls’ inputs', () => {
  const values = { ...BLANK_CAPTURE, customerId: '7', kind: 'wechat' as const, note: 'Asked for samples' };

  it('logs an outbound conversation now and no follow-up without a day', () => {
    const { input, issues } = toCaptureInput(values, 'Follow up', NOW);
    expect(issues).toEqual([]);
    expect(input.followUp).toBeNull();
    expect(input.conversation).toMatchObject({ customerId: 7, kind: 'wechat', direction: 'outbound' });
    expect(Date.parse(input.conversation.occurredAt as string)).toBe(NOW.getTime());
    expect(captureInput.safeParse(input).success).toBe(true);
  });

  it('adds a follow-up for the same customer, titled from the note, all day unless a time is given', () => {
    const allDay = toCaptureInput({ ...values, dueDate: '2026-03-05' }, 'Follow up', NOW).input;
    expect(allDay.followUp).toEqual({
      title: 'Asked for samples',
      customerId: 7,
      dueDate: '2026-03-05',
      dueTime: null,
    });
    const timed = toCaptureInput(
      { ...values, note: '', dueDate: '2026-03-05', dueTime: '14:30' },
      '跟进',
      NOW,
    );
    expect(timed.input.followUp).toMatchObject({ title: '跟进', dueTime: '14:30' });
    expect(captureInput.safeParse(timed.input).success).toBe(true);
  });

  it('names the customer when none is picked, and the day when only a time is given', () => {
    const { input, issues } = toCaptureInput({ ...BLANK_CAPTURE, dueTime: '09:00' }, 'Follow up', NOW);
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['customerId', 'required'],
      ['dueDate', 'required'],
    ]);
    const parsed = captureInput.safeParse(input);
    expect(parsed.success).toBe(false);
    const schemaFields = toFieldIssues(parsed.error!, input).map((issue) => captureFieldOf(issue.path));
    expect(schemaFields).toContain('customerId');
  });
});

describe('captureFieldOf: where an issue shows', () => {
  it.each([
    ['conversation.customerId', 'customerId'],
    ['customerId', 'customerId'],
    ['conversation.kind', 'kind'],
    ['conversation.body', 'note'],
    ['followUp.title', 'note'],
    ['title', 'note'],
    ['followUp.dueDate', 'dueDate'],
    ['followUp.dueTime', 'dueTime'],
    ['conversation.occurredAt', undefined],
    ['remindAt', undefined],
    ['', undefined],
  ])('%s → %s', (path, field) => {
    expect(captureFieldOf(path)).toBe(field);
  });
});

describe('conversationKey', () => {
  it('is the same draft whatever its moment, and another draft when anything else differs', () => {
    const a = toCaptureInput({ ...BLANK_CAPTURE, customerId: '1', note: 'hi' }, 'x', NOW).input.conversation;
    const later = { ...a, occurredAt: '2026-03-02T11:00:00+08:00' };
    expect(conversationKey(later)).toBe(conversationKey(a));
    expect(conversationKey({ ...a, body: 'hi!' })).not.toBe(conversationKey(a));
  });
});

describe('saveCapture (real backend)', () => {
  function useApi() {
    const t = useTempBackend();
    return createApiClient({
      invoke: (channel, input) => t.backend.dispatch(channel, input),
      subscribe: (listener) => t.backend.subscribe(listener),
    });
  }

  it('logs the conversation, then the follow-up; a refused follow-up saved again logs the conversation once', async () => {
    const api = useApi();
    const customer = await api.invoke('customers.create', { name: 'Li Na' });
    const values = {
      ...BLANK_CAPTURE,
      customerId: String(customer.id),
      kind: 'wechat' as const,
      note: 'Samples',
      dueDate: '2026-03-05',
      dueTime: '10:00',
    };
    const { input } = toCaptureInput(values, 'Follow up', NOW);
    // A reminder after the due time: the server refuses the follow-up after the conversation is in.
    const refused: CaptureInput = {
      ...input,
      followUp: { ...input.followUp!, remindAt: '2026-03-07T12:00:00Z' },
    };
    let logged: LoggedDraft | null = null;
    const remember = (draft: LoggedDraft) => {
      logged = draft;
    };
    await expect(saveCapture(api, refused, null, remember)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(logged).not.toBeNull();

    // Saved again a moment later (a new occurredAt): the same draft, so only the follow-up is added.
    const again = toCaptureInput(values, 'Follow up', new Date(NOW.getTime() + 5_000)).input;
    const result = await saveCapture(api, again, logged, remember);
    expect(result.conversation.id).toBe(logged!.conversation.id);
    expect(result.task).toMatchObject({ title: 'Samples', dueDate: '2026-03-05', dueTime: '10:00' });
    const { items } = await api.invoke('customers.timeline', {
      customerId: customer.id,
      kinds: ['conversation'],
    });
    expect(items).toHaveLength(1);
    expect((await api.invoke('tasks.list', { customerId: customer.id })).map((task) => task.id)).toEqual([
      result.task!.id,
    ]);
  });

  it('logs a changed draft anew, and nothing else without a follow-up day', async () => {
    const api = useApi();
    const customer = await api.invoke('customers.create', { name: 'Wang Fang' });
    const values = { ...BLANK_CAPTURE, customerId: String(customer.id), note: 'First' };
    const first = await saveCapture(api, toCaptureInput(values, 'x', NOW).input, null, () => {});
    const previous: LoggedDraft = { key: 'another draft', conversation: first.conversation };
    const second = await saveCapture(
      api,
      toCaptureInput({ ...values, note: 'Second' }, 'x', NOW).input,
      previous,
      () => {},
    );
    expect(second.conversation.id).not.toBe(first.conversation.id);
    expect(second.task).toBeNull();
    expect(await api.invoke('tasks.list', { customerId: customer.id })).toEqual([]);
  });
});
