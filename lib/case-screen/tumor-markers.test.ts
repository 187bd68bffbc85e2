import { describe, expect, it } from 'vitest';
import { LABS } from '@/lib/demo-world/clinical/lab-catalog';
import { entityLabel, tumorMarkerName, tumorMarkerRank, tumorMarkersForEntity } from './tumor-markers';

const codes = (entity: string) => tumorMarkersForEntity(entity).map((m) => m.loinc);

describe('tumor markers per entity', () => {
  it('names the markers a board follows first, most important first', () => {
    expect(codes('BREAST').slice(0, 2)).toEqual(['6875-9', '2039-6']); // CA 15-3, CEA
    expect(codes('COLORECTAL')).toEqual(['2039-6', '24108-3']); // CEA, CA 19-9
    expect(codes('PROSTATE')).toEqual(['2857-1']); // PSA
    expect(codes('HEPATOBILIARY')[0]).toBe('1834-1'); // AFP
    expect(codes('GYNECOLOGIC')[0]).toBe('10334-1'); // CA-125
    expect(codes('PANCREAS')[0]).toBe('24108-3'); // CA 19-9
    expect(tumorMarkersForEntity('LUNG').map((m) => m.name)).toEqual(['CEA', 'CYFRA 21-1', 'NSE', 'ProGRP']);
    expect(tumorMarkersForEntity('SKIN').map((m) => m.name)).toEqual(['S100B', 'LDH']);
  });

  it('has none for entities without a serum marker or unknown entities', () => {
    expect(tumorMarkersForEntity('KIDNEY')).toEqual([]);
    expect(tumorMarkersForEntity('CNS')).toEqual([]);
    expect(tumorMarkersForEntity('NOT_AN_ENTITY')).toEqual([]);
  });

  it('ranks a code within its entity, -1 when it is not a marker there', () => {
    expect(tumorMarkerRank('BREAST', '6875-9')).toBe(0);
    expect(tumorMarkerRank('BREAST', '2039-6')).toBe(1);
    expect(tumorMarkerRank('BREAST', '2857-1')).toBe(-1);
    expect(tumorMarkerRank('BREAST', null)).toBe(-1);
  });

  it('knows every tumor marker the demo world draws, by the same LOINC code', () => {
    const demoMarkers = Object.values(LABS).filter((lab) => lab.tumorMarker);
    expect(demoMarkers.length).toBeGreaterThan(0);
    for (const lab of demoMarkers) expect(tumorMarkerName(lab.loinc), lab.display).not.toBeNull();
    // And each demo entity's markers are that entity's (breast: CA 15-3 + CEA; prostate: PSA; …).
    expect(tumorMarkerRank('BREAST', LABS.ca153.loinc)).toBe(0);
    expect(tumorMarkerRank('COLORECTAL', LABS.ca199.loinc)).toBe(1);
    expect(tumorMarkerRank('PROSTATE', LABS.psa.loinc)).toBe(0);
    expect(tumorMarkerRank('SKIN', LABS.s100b.loinc)).toBe(0);
    expect(tumorMarkerRank('LUNG', LABS.cea.loinc)).toBe(0);
  });

  it('labels entities in words', () => {
    expect(entityLabel('BREAST')).toBe('breast');
    expect(entityLabel('UPPER_GI')).toBe('upper GI');
    expect(entityLabel('SOMETHING_NEW')).toBe('something new');
  });
});
