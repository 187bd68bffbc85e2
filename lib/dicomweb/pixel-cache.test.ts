import { describe, expect, it } from 'vitest';
import { cachedPixelData } from './pixel-cache';
import type { StoredPixelData } from './pixel-frames';

const MB = 1024 * 1024;
const fake = (name: string, retainedBytes: number) => ({ transferSyntaxUid: name, retainedBytes }) as unknown as StoredPixelData;

describe('cachedPixelData', () => {
  it('loads each object once while it fits, and evicts the least recently used', async () => {
    let loads = 0;
    const load = (name: string) => async () => {
      loads++;
      return fake(name, 10 * MB);
    };
    expect((await cachedPixelData('a', load('a')))?.transferSyntaxUid).toBe('a');
    await cachedPixelData('a', load('a'));
    expect(loads).toBe(1);
    // Fill past the 64 MB budget; "a" was used last before the fill, so it goes first.
    for (const key of ['b', 'c', 'd', 'e', 'f', 'g']) await cachedPixelData(key, load(key));
    await cachedPixelData('g', load('g'));
    expect(loads).toBe(7);
    await cachedPixelData('a', load('a'));
    expect(loads).toBe(8);
  });

  it('does not keep objects that hold more than a quarter of the budget once parsed', async () => {
    let loads = 0;
    // A small deflated file that inflates to 40 MB: what counts is what the parsed object holds.
    const load = async () => {
      loads++;
      return fake('deflated', 40 * MB);
    };
    await cachedPixelData('huge', load);
    await cachedPixelData('huge', load);
    expect(loads).toBe(2);
  });

  it('keeps objects without pixel data cheaply', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      return null;
    };
    await cachedPixelData('sr', load);
    await cachedPixelData('sr', load);
    expect(loads).toBe(1);
  });
});
