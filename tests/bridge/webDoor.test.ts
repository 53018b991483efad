import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startBridge, type Bridge } from '../../src-main/bridge/server';
import { silentLogger } from '../../src-main/core/logger';
import type { Envelope } from '../../src-shared/contract';
import { openEventStream, rawRequest, rpc } from '../support/rawHttp';
import { openTempBackend, tempDir, type TempBackend } from '../support/tempBackend';

const INDEX_HTML =
  '<!doctype html>\n<html>\n  <head>\n    <title>SoloCRM</title>\n  </head>\n  <body></body>\n</html>\n';
const CANARY = 'CANARY-outside-the-renderer-dir';

/** The web door on a temp data dir: renderer in <dir>/renderer, the database and a canary file beside it. */
async function startDoor(): Promise<{ t: TempBackend; bridge: Bridge; auth: Record<string, string> }> {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");\n');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: CANARY }));
  writeFileSync(join(dir, 'secret.txt'), CANARY);
  const t = openTempBackend({ dir });
  const bridge = await startBridge({ backend: t.backend, rendererDir, logger: silentLogger, port: 0 });
  onTestFinished(async () => {
    await bridge.close();
    t.cleanup();
  });
  return { t, bridge, auth: { Authorization: `Bearer ${bridge.token}` } };
}

const envelopeOf = (body: string) => JSON.parse(body) as Envelope<unknown>;
const countCustomers = async (t: TempBackend) => {
  const envelope = await t.backend.dispatch('customers.list', { view: 'active' });
  return envelope.ok ? (envelope.data as { total: number }).total : -1;
};
/** Only the uid differs between two fresh databases driven by the same clock. */
const withoutUids = (value: unknown) =>
  JSON.parse(JSON.stringify(value).replace(/"uid":"[^"]+"/g, '"uid":"*"'));

describe('the page', () => {
  it('index.html carries the per-run token in a meta tag and a Content-Security-Policy header', async () => {
    const { bridge } = await startDoor();
    for (const path of ['/', '/index.html']) {
      const res = await rawRequest(bridge.port, { path });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const meta = /<meta name="solocrm-token" content="([^"]+)">/.exec(res.body);
      expect(meta?.[1]).toBe(bridge.token);
      expect(res.body.indexOf(meta?.[0] ?? '')).toBeLessThan(res.body.indexOf('</head>'));
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('serves the bundle with its content type', async () => {
    const { bridge } = await startDoor();
    const res = await rawRequest(bridge.port, { path: '/assets/app.js' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body).toBe('console.log("app");\n');
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/../solocrm.db',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2F%2e%2e%2Fsolocrm.db',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/etc/passwd',
    '/secret.txt%00.html',
  ])('%s never returns a file outside the renderer folder', async (path) => {
    const { bridge } = await startDoor();
    const res = await rawRequest(bridge.port, { path });
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain(CANARY);
    expect(res.body).not.toContain('SQLite format 3');
    expect(res.body).not.toMatch(/root:.*:0:0:/);
  });
});

describe('POST /rpc/<channel> answers exactly what dispatch answers', () => {
  it('for create, list, a validation error and an unknown channel', async () => {
    const { t, bridge, auth } = await startDoor();
    const direct = openTempBackend();
    onTestFinished(() => direct.cleanup());
    const steps: [string, unknown][] = [
      ['customers.create', { name: '  张三 ', email: 'zs@example.com', company: '' }],
      ['customers.create', { name: 'Ann Lee', city: 'Hangzhou' }],
      ['customers.update', { id: 1, patch: { company: 'ACME' } }],
      ['customers.list', { sort: { field: 'name', direction: 'asc' } }],
      ['customers.create', { name: '', email: 'bad', extra: 1 }],
      ['customers.get', { id: 999 }],
      ['settings.update', { language: 'en' }],
      ['settings.get', undefined],
    ];
    for (const [channel, input] of steps) {
      t.clock.advance(1000);
      direct.clock.advance(1000);
      const res = await rpc(bridge.port, channel, input, auth);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const expected = await direct.backend.dispatch(channel, input);
      expect(withoutUids(envelopeOf(res.body))).toEqual(withoutUids(expected));
    }
  });

  it('an unknown channel is 404 with the UNKNOWN_CHANNEL envelope', async () => {
    const { t, bridge, auth } = await startDoor();
    for (const channel of ['customers.nope', 'constructor', '__proto__']) {
      const res = await rpc(bridge.port, channel, {}, auth);
      expect(res.status).toBe(404);
      expect(envelopeOf(res.body)).toEqual(await t.backend.dispatch(channel, {}));
    }
  });

  it('a body that is not JSON is 400; JSON that is not an object is a VALIDATION answer, not a crash', async () => {
    const { t, bridge, auth } = await startDoor();
    const post = (body: string) =>
      rawRequest(bridge.port, { method: 'POST', path: '/rpc/customers.create', headers: auth, body });
    const notJson = await post('{"input": {"name": "Ann"');
    expect(notJson.status).toBe(400);
    expect(envelopeOf(notJson.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const body of ['null', '[]', '"Ann"', '42']) {
      const res = await post(body);
      expect(res.status, `body ${body}`).toBeLessThan(500);
      expect(envelopeOf(res.body), `body ${body}`).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    expect(await countCustomers(t)).toBe(0);
  });
});

describe('guards', () => {
  it('401 without the token or with a wrong one, and nothing is written', async () => {
    const { t, bridge } = await startDoor();
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong-token' },
      { Authorization: `Bearer ${bridge.token}x` },
      { Authorization: `Basic ${bridge.token}` },
      { Authorization: bridge.token },
    ];
    for (const headers of attempts) {
      const res = await rpc(bridge.port, 'customers.create', { name: 'Mallory' }, headers);
      expect(res.status).toBe(401);
      expect(envelopeOf(res.body)).toMatchObject({ ok: false });
    }
    const inQuery = await rawRequest(bridge.port, {
      method: 'POST',
      path: `/rpc/customers.create?token=${bridge.token}`,
      body: JSON.stringify({ input: { name: 'Mallory' } }),
    });
    expect(inQuery.status).toBe(401);
    expect(await countCustomers(t)).toBe(0);
  });

  it('403 for a foreign Host or Origin (DNS rebinding), even with the token; the page is not served either', async () => {
    const { t, bridge, auth } = await startDoor();
    const foreign: Record<string, string>[] = [
      { Host: `evil.com:${bridge.port}` },
      { Host: 'evil.com' },
      { Origin: 'http://evil.com' },
      { Origin: `http://evil.com:${bridge.port}` },
      { Origin: 'null' },
      { Origin: `https://127.0.0.1:${bridge.port}` },
    ];
    for (const headers of foreign) {
      const res = await rpc(bridge.port, 'customers.create', { name: 'Mallory' }, { ...auth, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      const page = await rawRequest(bridge.port, { path: '/', headers });
      expect(page.status, JSON.stringify(headers)).toBe(403);
      expect(page.body).not.toContain(bridge.token);
    }
    expect(await countCustomers(t)).toBe(0);

    const local = { Host: `localhost:${bridge.port}`, Origin: `http://localhost:${bridge.port}` };
    expect((await rpc(bridge.port, 'customers.create', { name: 'Ann' }, { ...auth, ...local })).status).toBe(
      200,
    );
    expect(await countCustomers(t)).toBe(1);
  });

  it('413 for a body over 1 MiB, declared or streamed, and nothing is written', async () => {
    const { t, bridge, auth } = await startDoor();
    const huge = JSON.stringify({ input: { name: 'Big', notes: 'x'.repeat(1024 * 1024 + 10) } });
    const declared = await rpc(bridge.port, 'customers.create', JSON.parse(huge).input, auth);
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(bridge.port, {
      method: 'POST',
      path: '/rpc/customers.create',
      headers: { ...auth, 'Transfer-Encoding': 'chunked' },
      body: huge,
    });
    expect(streamed.status).toBe(413);
    expect(await countCustomers(t)).toBe(0);
  });

  it('405 for anything but POST on /rpc', async () => {
    const { bridge, auth } = await startDoor();
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await rawRequest(bridge.port, { method, path: '/rpc/customers.list', headers: auth });
      expect(res.status).toBe(405);
    }
    expect((await rawRequest(bridge.port, { path: '/rpc/x' })).status).toBe(405);
  });
});

describe('GET /events', () => {
  it('401 without the token or with a wrong one', async () => {
    const { bridge } = await startDoor();
    for (const path of ['/events', '/events?token=wrong']) {
      const stream = openEventStream(bridge.port, path);
      expect((await stream.ready).status).toBe(401);
      stream.close();
    }
  });

  it('streams data.changed after a create through /rpc', async () => {
    const { bridge, auth } = await startDoor();
    const stream = openEventStream(bridge.port, `/events?token=${encodeURIComponent(bridge.token)}`);
    const head = await stream.ready;
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/event-stream/);

    expect((await rpc(bridge.port, 'customers.create', { name: 'Ann' }, auth)).status).toBe(200);
    expect(await stream.waitFor(1)).toEqual([{ type: 'data.changed', payload: { entity: 'customers' } }]);
    stream.close();
  });
});
