import { describe, expect, it } from 'vitest';
import { REDACTED, createLogger, redact } from '../../src-main/core/logger';

const SECRETS = ['hunter2-pw', 'tok-3f9a', 'shh-secret', 'Basic-abc', 'sk-live-123', 'bearer-xyz-777'];

/** A logger whose lines land in an array, as a file or stderr would receive them. */
function capturingLogger(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  return { lines, logger: createLogger({ sink: (line) => lines.push(line), level }) };
}

function expectNoSecrets(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('redact', () => {
  it('hides values under credential-looking keys, whatever their case', () => {
    const out = redact({
      password: 'hunter2-pw',
      accessToken: 'tok-3f9a',
      clientSecret: 'shh-secret',
      Authorization: 'Basic-abc',
      apiKey: 'sk-live-123',
      api_key: 'sk-live-123',
      user: 'ann',
    });
    expect(out).toEqual({
      password: REDACTED,
      accessToken: REDACTED,
      clientSecret: REDACTED,
      Authorization: REDACTED,
      apiKey: REDACTED,
      api_key: REDACTED,
      user: 'ann',
    });
  });

  it('hides them inside nested objects and arrays', () => {
    const out = redact({
      smtp: { host: 'smtp.example.com', auth: { user: 'ann', pass: 'hunter2-pw' } },
      accounts: [{ name: 'a', token: 'tok-3f9a' }, [{ secret: 'shh-secret' }]],
      headers: { authorization: 'Basic-abc' },
    });
    expectNoSecrets(JSON.stringify(out));
    expect(out).toMatchObject({ smtp: { host: 'smtp.example.com', auth: { user: 'ann' } } });
  });

  it('masks a bearer token inside free text', () => {
    const out = redact([
      'GET /rpc failed: Authorization: Bearer bearer-xyz-777 (401)',
      'bearer bearer-xyz-777',
    ]);
    expectNoSecrets(JSON.stringify(out));
    expect(out).toEqual([`GET /rpc failed: Authorization: Bearer ${REDACTED} (401)`, `bearer ${REDACTED}`]);
  });

  it('hides a secret however deep it is nested', () => {
    let deep: Record<string, unknown> = { password: 'hunter2-pw' };
    for (let level = 0; level < 12; level++) deep = { level: deep };
    expectNoSecrets(JSON.stringify(redact(deep)));
  });

  it('leaves ordinary values alone', () => {
    const value = { name: '张三', count: 3, ok: true, none: null, tags: ['a', 'b'] };
    expect(redact(value)).toEqual(value);
  });
});

describe('createLogger', () => {
  it('writes one JSON line per entry with level, message and redacted details', () => {
    const { lines, logger } = capturingLogger();
    logger.info('smtp configured', { host: 'smtp.example.com', password: 'hunter2-pw' });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'info',
      message: 'smtp configured',
      details: { host: 'smtp.example.com', password: REDACTED },
    });
    expect(new Date(entry.time as string).toISOString()).toBe(entry.time);
  });

  it('never writes the secrets, whether in the message, the details or an error', () => {
    const { lines, logger } = capturingLogger();
    logger.debug('calling with Bearer bearer-xyz-777');
    logger.info('login', {
      form: { user: 'ann', password: 'hunter2-pw' },
      list: [{ apiKey: 'sk-live-123' }],
    });
    logger.warn('retry', [{ headers: { Authorization: 'Basic-abc' } }, 'token was Bearer tok-3f9a']);
    logger.error('send failed', { cause: { clientSecret: 'shh-secret' } });
    expect(lines).toHaveLength(4);
    expectNoSecrets(lines.join('\n'));
  });

  it('an error whose message holds a bearer token does not leak it through the stack', () => {
    const { lines, logger } = capturingLogger();
    logger.error('request failed', new Error('upstream said: Authorization: Bearer bearer-xyz-777'));
    expect(lines).toHaveLength(1);
    expectNoSecrets(lines.join('\n'));
  });

  it('logging an object that refers to itself neither throws nor leaks', () => {
    const { lines, logger } = capturingLogger();
    const request: Record<string, unknown> = { url: '/rpc/x', token: 'tok-3f9a' };
    request.self = request;
    expect(() => logger.warn('odd request', request)).not.toThrow();
    expectNoSecrets(lines.join('\n'));
  });

  it('drops entries below the level', () => {
    const { lines, logger } = capturingLogger('info');
    logger.debug('noise');
    logger.info('kept');
    expect(lines.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual(['kept']);
  });
});
