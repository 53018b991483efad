import { describe, expect, it } from 'vitest';
import { newUid } from '../../src-main/core/uid';

describe('newUid', () => {
  it('makes RFC 9562 version 7 UUIDs that carry the current time', () => {
    const before = Date.now();
    const uid = newUid();
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const msecs = parseInt(uid.replaceAll('-', '').slice(0, 12), 16);
    expect(msecs).toBeGreaterThanOrEqual(before);
    expect(msecs).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('never repeats and keeps ids of one process in creation order, across pool refills', () => {
    // 5,000 ids: several refills of the 1,024-id random pool, many within one millisecond.
    const uids = Array.from({ length: 5_000 }, () => newUid());
    expect(new Set(uids).size).toBe(uids.length);
    expect([...uids].sort()).toEqual(uids);
  });
});
