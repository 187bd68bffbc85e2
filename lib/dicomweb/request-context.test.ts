import { describe, expect, it } from 'vitest';
import { dicomJsonResponse } from './request-context';

describe('dicomJsonResponse warnings', () => {
  it('turns any warning text into a valid header value of printable ASCII', () => {
    const response = dicomJsonResponse([], ['日本語 is not supported for matching', 'a\r\nSet-Cookie: x=1 is not supported', 'Grüße "quoted"', '\u0000\u007f\u0085']);
    const warnings = response.headers.get('warning')!;
    expect(warnings).toMatch(/^[\x20-\x7e]*$/);
    expect(warnings).toContain("'quoted'");
    expect(warnings).toContain('"a??Set-Cookie: x=1 is not supported"');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('sends at most a few warnings and says how many more there were', () => {
    const response = dicomJsonResponse([], Array.from({ length: 100 }, (_, i) => `Key${i} is not supported`));
    const warnings = response.headers.get('warning')!;
    expect(warnings.split('299 konsil').length - 1).toBeLessThanOrEqual(21);
    expect(warnings).toContain('80 more');
  });
});
