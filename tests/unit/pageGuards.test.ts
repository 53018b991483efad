import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOwnPage } from '../../src-main/electron/pageOrigin';
import { resolveInside } from '../../src-main/paths/resolveInside';

describe('IPC sender check (isOwnPage)', () => {
  const dev = 'http://localhost:5173/';

  it('accepts our bundle and, in development, the dev server', () => {
    expect(isOwnPage('app://bundle/index.html', undefined)).toBe(true);
    expect(isOwnPage('app://bundle/#/customers', undefined)).toBe(true);
    expect(isOwnPage('http://localhost:5173/index.html', dev)).toBe(true);
  });

  it('refuses destroyed frames, look-alike hosts, other schemes and the dev server when not in development', () => {
    expect(isOwnPage(undefined, undefined)).toBe(false);
    expect(isOwnPage('app://bundle.evil.com/index.html', undefined)).toBe(false);
    expect(isOwnPage('app://evil/index.html', undefined)).toBe(false);
    expect(isOwnPage('file:///etc/passwd', undefined)).toBe(false);
    expect(isOwnPage('https://bundle/', undefined)).toBe(false);
    expect(isOwnPage('http://localhost:5173/', undefined)).toBe(false);
    expect(isOwnPage('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnPage('not a url', dev)).toBe(false);
  });
});

describe('bundle path resolution (resolveInside)', () => {
  const root = mkdtempSync(join(tmpdir(), 'solocrm-bundle-'));

  it('maps / to index.html and assets inside the bundle', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('refuses paths that climb out of the bundle', () => {
    expect(resolveInside(root, '/../package.json')).toBeNull();
    expect(resolveInside(root, '/assets/../../etc/passwd')).toBeNull();
    expect(resolveInside(root, decodeURIComponent('/%2e%2e/%2e%2e/etc/passwd'))).toBeNull();
  });
});
