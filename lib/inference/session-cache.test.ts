import { describe, expect, it } from 'vitest';
import { cachedSessionCount, evictSession, getSession, intraOpThreads } from './session-cache';
import { buildLinearModel, makeTestSpec } from './test-support/linear-model';

describe('session cache', () => {
  it('creates one session per version, shared by concurrent first calls', async () => {
    const bytes = buildLinearModel(makeTestSpec());
    let loads = 0;
    const load = async () => {
      loads += 1;
      return bytes;
    };
    const [a, b] = await Promise.all([getSession('version-a', load), getSession('version-a', load)]);
    expect(a).toBe(b);
    expect(await getSession('version-a', load)).toBe(a);
    expect(loads).toBe(1);
    evictSession('version-a');
    expect(await getSession('version-a', load)).not.toBe(a);
    expect(loads).toBe(2);
    evictSession('version-a');
  });

  it('forgets a failed creation so the next call tries again', async () => {
    const before = cachedSessionCount();
    await expect(getSession('version-broken', async () => new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(cachedSessionCount()).toBe(before);
    const session = await getSession('version-broken', async () => buildLinearModel(makeTestSpec()));
    expect(session.inputNames).toEqual(['features']);
    evictSession('version-broken');
  });

  it('uses half the cores for a run, between 1 and 4', () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => intraOpThreads(cores))).toEqual([1, 1, 1, 2, 4, 4]);
  });
});
