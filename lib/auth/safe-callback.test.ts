import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-callback';

describe('safeCallbackPath', () => {
  it('keeps local paths', () => expect(safeCallbackPath('/admin/users?q=a')).toBe('/admin/users?q=a'));
  it.each(['https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'javascript:alert(1)', '', 42, '/signin', '/api/auth/signout'])(
    'refuses %s',
    (value) => expect(safeCallbackPath(value)).toBe('/'),
  );
});
