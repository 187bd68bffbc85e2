import { describe, expect, it } from 'vitest';
import { cachedPixelData } from './pixel-cache';
import type { StoredPixelData } from './pixel-frames';

const fake = (name: string) => ({ transferSyntaxUid: name }) as unknown as StoredPixelData;

describe('cachedPixelData', () => {
  it('loads each object once while it fits, and evicts the least recently used', async () => {
    let loads = 0;
    const load = (name: string) => async () => {
      loads++;
      return fake(name);
    };
    const tenMb = 10 * 1024 * 1024;
    expect((await cachedPixelData('a', tenMb, load('a')))?.transferSyntaxUid).toBe('a');
    await cachedPixelData('a', tenMb, load('a'));
    expect(loads).toBe(1);
    // Fill past the 64 MB budget; "a" was used last before the fill, so it goes first.
    for (const key of ['b', 'c', 'd', 'e', 'f', 'g']) await cachedPixelData(key, tenMb, load(key));
    await cachedPixelData('g', tenMb, load('g'));
    expect(loads).toBe(7);
    await cachedPixelData('a', tenMb, load('a'));
    expect(loads).toBe(8);
  });

  it('does not keep objects larger than a quarter of the budget', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      return null;
    };
    await cachedPixelData('huge', 40 * 1024 * 1024, load);
    await cachedPixelData('huge', 40 * 1024 * 1024, load);
    expect(loads).toBe(2);
  });
});
