import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('returns null without a header', () => {
    expect(clientAddress(null, 0)).toBeNull();
    expect(clientAddress(' , ', 1)).toBeNull();
  });
  it('takes the socket address Next put there when no proxy is trusted', () => {
    expect(clientAddress('::ffff:127.0.0.1', 0)).toBe('127.0.0.1');
  });
  it('takes the entry added by the outermost trusted proxy, ignoring what the client claimed', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
  });
  it('does not run off the front when there are fewer entries than hops', () => {
    expect(clientAddress('203.0.113.9', 3)).toBe('203.0.113.9');
  });
});
