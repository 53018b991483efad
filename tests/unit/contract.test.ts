import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CHANNEL_NAMES,
  CUSTOMER_LIMITS,
  contract,
  customerFields,
  customerUpdateInput,
  isChannel,
  toFieldIssues,
  type FieldIssue,
} from '../../src-shared/contract';

/** What the form and the dispatcher show for an input: the reduced issues, or the parsed value. */
function issuesFor(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return toFieldIssues(result.error, input);
}

describe('channel names', () => {
  it('the preload allow-list names exactly the channels the contract defines', () => {
    expect(new Set(CHANNEL_NAMES)).toEqual(new Set(Object.keys(contract)));
    expect(CHANNEL_NAMES).toHaveLength(new Set(CHANNEL_NAMES).size);
  });

  it('every channel reads domain.action', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it('inherited object properties are not channels', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '']) {
      expect(isChannel(name)).toBe(false);
    }
    expect(isChannel('customers.create')).toBe(true);
  });
});

describe('toFieldIssues', () => {
  it('a missing name is "required"', () => {
    expect(issuesFor(customerFields, {})).toEqual([
      expect.objectContaining({ path: 'name', code: 'required' }),
    ]);
  });

  it.each(['', '   ', '\t\n'])('a blank name (%j) is "required"', (name) => {
    expect(issuesFor(customerFields, { name })).toEqual([
      expect.objectContaining({ path: 'name', code: 'required' }),
    ]);
  });

  it('a name of the wrong type is "invalid", not "required"', () => {
    expect(issuesFor(customerFields, { name: 42 })).toEqual([
      expect.objectContaining({ path: 'name', code: 'invalid' }),
    ]);
  });

  it.each(['not-an-email', 'a@b.cn, c@d.cn', 'Name <a@b.cn>', '"q"@b.cn', 'a@', 'a＠b.cn'])(
    'an unusable email (%j) is "email", at its place in the list',
    (email) => {
      expect(issuesFor(customerFields, { name: 'Ann', emails: ['ok@example.com', email] })).toEqual([
        expect.objectContaining({ path: 'emails.1', code: 'email' }),
      ]);
    },
  );

  it('an overlong value is "too_long" with the limit the message needs', () => {
    const name = 'x'.repeat(CUSTOMER_LIMITS.name + 1);
    expect(issuesFor(customerFields, { name })).toEqual([
      expect.objectContaining({ path: 'name', code: 'too_long', params: { max: CUSTOMER_LIMITS.name } }),
    ]);
    const notes = '备'.repeat(CUSTOMER_LIMITS.notes + 1);
    expect(issuesFor(customerFields, { name: 'Ann', notes })).toEqual([
      expect.objectContaining({ path: 'notes', code: 'too_long', params: { max: CUSTOMER_LIMITS.notes } }),
    ]);
  });

  it('an unknown key is "unknown_field" at its own path, also inside a patch', () => {
    expect(issuesFor(customerFields, { name: 'Ann', nickname: 'A' })).toEqual([
      expect.objectContaining({ path: 'nickname', code: 'unknown_field' }),
    ]);
    expect(issuesFor(customerUpdateInput, { id: 1, patch: { nickname: 'A' } })).toEqual([
      expect.objectContaining({ path: 'patch.nickname', code: 'unknown_field' }),
    ]);
  });

  it('reports every bad field at once, each with a message', () => {
    const issues = issuesFor(customerFields, {
      name: '',
      emails: ['nope'],
      birthday: '2026-02-30',
      extra: 1,
    });
    expect(issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual([
      'birthday:date',
      'emails.0:email',
      'extra:unknown_field',
      'name:required',
    ]);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
  });
});

describe('optional text', () => {
  it.each(['', '   '])('%j becomes null, so the database stores one kind of "nothing"', (blank) => {
    const parsed = customerFields.parse({ name: ' Ann ', company: blank, wechat: blank, city: blank });
    expect(parsed).toMatchObject({ name: 'Ann', company: null, wechat: null, city: null });
  });

  it('missing optional fields become null or empty on create, but stay absent in a patch', () => {
    expect(customerFields.parse({ name: 'Ann' })).toMatchObject({
      name: 'Ann',
      company: null,
      emails: [],
      phones: [],
      city: null,
      notes: null,
      consent: 'unknown',
      tagIds: [],
      custom: {},
    });
    // A patch that fills in defaults would wipe emails, tags and consent the owner never touched.
    expect(customerUpdateInput.parse({ id: 1, patch: { name: 'Bo' } })).toEqual({
      id: 1,
      patch: { name: 'Bo' },
    });
  });

  it('text is trimmed and a valid email is kept', () => {
    expect(
      customerFields.parse({ name: 'Ann', company: '  ACME  ', emails: [' ann@example.com '] }),
    ).toMatchObject({
      company: 'ACME',
      emails: ['ann@example.com'],
    });
  });
});
