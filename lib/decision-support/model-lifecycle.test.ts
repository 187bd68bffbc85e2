import { describe, expect, it } from 'vitest';
import { allowedTransitions } from './model-lifecycle';

const offered = (status: Parameters<typeof allowedTransitions>[0]['status'], replacesVersionId: string | null = null) =>
  allowedTransitions({ status, replacesVersionId }).map((o) => o.transition);

describe('allowedTransitions', () => {
  it('offers what lib/db/model-versions.ts allows from each status', () => {
    expect(offered('VALIDATED')).toEqual(['shadow', 'activate', 'retire']);
    expect(offered('SHADOW')).toEqual(['activate', 'retire']);
    expect(offered('RETIRED')).toEqual(['shadow', 'activate']);
    expect(offered('DRAFT')).toEqual([]);
    expect(offered('REJECTED')).toEqual([]);
  });

  it('offers a rollback only for an active version that replaced another', () => {
    expect(offered('ACTIVE', 'clprevious000000000000000')).toEqual(['rollback', 'retire']);
    expect(offered('ACTIVE')).toEqual(['retire']);
  });
});
