import { describe, expect, it } from 'vitest';
import { errorCodes } from '@/lib/errors';
import { RETRY_DELAYS_MS, isTransient, retryDelay } from './autosave-retry';

describe('autosave retry policy', () => {
  it('retries only what may pass by waiting', () => {
    expect(errorCodes.filter(isTransient)).toEqual(['RATE_LIMITED', 'INTERNAL']);
  });

  it('waits longer each time, then keeps the longest wait', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelay)).toEqual([5_000, 15_000, 30_000, 60_000, 60_000, 60_000]);
    expect([...RETRY_DELAYS_MS]).toEqual([...RETRY_DELAYS_MS].sort((a, b) => a - b));
  });
});
