import { describe, expect, it } from 'vitest';
import type { Customer, CustomerPage, PushEvent } from '../../src-shared/contract';
import { caller, errorOf } from '../support/envelopes';
import { PACKAGE_VERSION, useTempBackend } from '../support/tempBackend';

function setup() {
  const t = useTempBackend();
  const call = caller(() => t.backend);
  /** Everything in the database a user could see: both views, every field. */
  const snapshot = async () => [
    await call<CustomerPage>('customers.list', { view: 'active', limit: 500 }),
    await call<CustomerPage>('customers.list', { view: 'trash', limit: 500 }),
  ];
  return { t, call, snapshot };
}

/** Inputs as they arrive over IPC or HTTP: JSON, where `__proto__` is an ordinary own key. */
const wire = (json: string): unknown => JSON.parse(json);

describe('invalid input is refused with a VALIDATION envelope naming the field', () => {
  const cases: [string, string, () => unknown, string, string][] = [
    [
      'bad email',
      'customers.create',
      () => ({ name: 'Ann', emails: ['ann-at-example'] }),
      'emails.0',
      'email',
    ],
    [
      'second email bad',
      'customers.create',
      () => ({ name: 'Ann', emails: ['a@b.cn', 'a@b.cn, c@evil.com'] }),
      'emails.1',
      'email',
    ],
    [
      'impossible birthday',
      'customers.create',
      () => ({ name: 'Ann', birthday: '2025-02-29' }),
      'birthday',
      'date',
    ],
    [
      'future birthday',
      'customers.create',
      () => ({ name: 'Ann', birthday: '2099-01-01' }),
      'birthday',
      'date',
    ],
    ['stage not in the list', 'customers.create', () => ({ name: 'Ann', stage: 'vip' }), 'stage', 'option'],
    ['source not in the list', 'customers.create', () => ({ name: 'Ann', source: 'tv' }), 'source', 'option'],
    [
      'tag that does not exist',
      'customers.create',
      () => ({ name: 'Ann', tagIds: [42] }),
      'tagIds.0',
      'option',
    ],
    [
      'custom field that does not exist',
      'customers.create',
      () => ({ name: 'Ann', custom: { '7': 'x' } }),
      'custom.7',
      'unknown_field',
    ],
    [
      'consent not yes/no/unknown',
      'customers.create',
      () => ({ name: 'Ann', consent: 'maybe' }),
      'consent',
      'invalid',
    ],
    ['missing name', 'customers.create', () => ({ company: 'ACME' }), 'name', 'required'],
    ['blank name', 'customers.create', () => ({ name: '   ' }), 'name', 'required'],
    ['201-char name', 'customers.create', () => ({ name: 'n'.repeat(201) }), 'name', 'too_long'],
    ['unknown field', 'customers.create', () => ({ name: 'Ann', vip: true }), 'vip', 'unknown_field'],
    ['name of wrong type', 'customers.create', () => ({ name: ['Ann'] }), 'name', 'invalid'],
    [
      '__proto__ key',
      'customers.create',
      () => wire('{"name":"Ann","__proto__":{"polluted":1}}'),
      '__proto__',
      'unknown_field',
    ],
    [
      'constructor key',
      'customers.create',
      () => wire('{"name":"Ann","constructor":{"prototype":{"polluted":1}}}'),
      'constructor',
      'unknown_field',
    ],
    ['id as string (get)', 'customers.get', () => ({ id: '1' }), 'id', 'invalid'],
    ['id as string (update)', 'customers.update', () => ({ id: '1', patch: { name: 'X' } }), 'id', 'invalid'],
    ['id as string (delete)', 'customers.delete', () => ({ id: '1' }), 'id', 'invalid'],
    [
      'bad email in a patch',
      'customers.update',
      () => ({ id: 1, patch: { emails: ['x@'] } }),
      'patch.emails.0',
      'email',
    ],
    [
      'blank name in a patch',
      'customers.update',
      () => ({ id: 1, patch: { name: '' } }),
      'patch.name',
      'required',
    ],
    [
      '__proto__ in a patch',
      'customers.update',
      () => wire('{"id":1,"patch":{"__proto__":{"name":"Mallory"}}}'),
      'patch.__proto__',
      'unknown_field',
    ],
    ['unknown list view', 'customers.list', () => ({ view: 'archive' }), 'view', 'invalid'],
    ['unknown language', 'settings.update', () => ({ language: 'fr' }), 'language', 'invalid'],
  ];

  it.each(cases)('%s', async (_label, channel, input, path, code) => {
    const { t, call, snapshot } = setup();
    const ann = await call<Customer>('customers.create', { name: 'Ann', emails: ['ann@example.com'] });
    expect(ann.id).toBe(1); // the id the update cases aim at
    const before = await snapshot();
    const settingsBefore = await call('settings.get');

    const error = errorOf(await t.backend.dispatch(channel, input()), 'VALIDATION');
    expect(error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    expect(error.message).toContain(path);

    expect(await snapshot()).toEqual(before);
    expect(await call('settings.get')).toEqual(settingsBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a missing input object is refused, not treated as empty', async () => {
    const { t, snapshot } = setup();
    const before = await snapshot();
    for (const input of [undefined, null, 'Ann', 42, []]) {
      errorOf(await t.backend.dispatch('customers.create', input), 'VALIDATION');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('unknown channels', () => {
  it.each(['customers.nope', 'customers', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    '%j answers UNKNOWN_CHANNEL',
    async (channel) => {
      const { t } = setup();
      const envelope = await t.backend.dispatch(channel, {});
      errorOf(envelope, 'UNKNOWN_CHANNEL');
    },
  );
});

describe('settings', () => {
  it('language is null (follow the OS) until chosen, and the choice survives a restart', async () => {
    const { t, call } = setup();
    const language = async () => (await call<{ language: string | null }>('settings.get')).language;
    expect(await language()).toBeNull();
    expect(await call('settings.update', { language: 'zh-CN' })).toMatchObject({ language: 'zh-CN' });
    t.reopen();
    expect(await language()).toBe('zh-CN');
    expect(await call('settings.update', { language: null })).toMatchObject({ language: null });
    t.reopen();
    expect(await language()).toBeNull();
  });

  it('customers survive a restart too', async () => {
    const { t, call } = setup();
    const created = await call<Customer>('customers.create', { name: '张三', emails: ['zs@example.com'] });
    t.reopen();
    expect(await call('customers.get', { id: created.id })).toEqual(created);
  });
});

describe('app.info', () => {
  it('names the door, version, database file and schema version', async () => {
    const { t, call } = setup();
    expect(await call('app.info')).toEqual({
      version: '0.0.0-test',
      door: 'test',
      dataDir: t.dir,
      databaseFile: t.dbFile,
      schemaVersion: expect.any(Number),
    });
    expect(PACKAGE_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('push events', () => {
  it('data.changed reaches subscribers after each change, not after refused input, and stops on unsubscribe', async () => {
    const { t, call } = setup();
    const events: PushEvent[] = [];
    const unsubscribe = t.backend.subscribe((event) => events.push(event));

    const created = await call<Customer>('customers.create', { name: 'Ann' });
    expect(events).toEqual([{ type: 'data.changed', payload: { entity: 'customers' } }]);

    await t.backend.dispatch('customers.create', { name: '' });
    await call('customers.list');
    expect(events).toHaveLength(1);

    await call('settings.update', { language: 'en' });
    expect(events.at(-1)).toEqual({ type: 'data.changed', payload: { entity: 'settings' } });

    unsubscribe();
    await call('customers.delete', { id: created.id });
    expect(events).toHaveLength(2);
  });
});
