import { describe, expect, it } from 'vitest';
import { groupLabSeries, initialLabCode, isEntityTumorMarker, shortAnalyteName } from './lab-groups';
import { labSeries, labValue } from './test-fixtures';

const hb = labSeries('718-7', { display: 'Hemoglobin [Mass/volume] in Blood', panel: 'Blood count' });
const plt = labSeries('777-3', { display: 'Platelets [#/volume] in Blood by Automated count', panel: 'Blood count' });
const alt = labSeries('1742-6', { display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', panel: 'Liver' });
const crea = labSeries('2160-0', { display: 'Creatinine [Mass/volume] in Serum or Plasma', panel: 'Kidney' });
const cea = labSeries('2039-6', { display: 'Carcinoembryonic Ag [Mass/volume] in Serum or Plasma', panel: 'Tumor markers', isTumorMarker: true });
const ca153 = labSeries('6875-9', { display: 'Cancer Ag 15-3 [Units/volume] in Serum or Plasma', panel: 'Tumor markers', isTumorMarker: false });
const psa = labSeries('2857-1', { display: 'Prostate specific Ag [Mass/volume] in Serum or Plasma', panel: 'Tumor markers' });

describe('groupLabSeries', () => {
  it("puts the entity's tumor markers first, most important first, then panels in reading order", () => {
    const groups = groupLabSeries([alt, hb, cea, crea, plt, ca153], 'BREAST');
    expect(groups.map((g) => g.heading)).toEqual(['Tumor markers (breast)', 'Blood count', 'Kidney', 'Liver']);
    expect(groups[0]).toMatchObject({ tumorMarkers: true });
    // CA 15-3 is breast's first marker even though the server did not flag it.
    expect(groups[0]!.rows.map((r) => r.name)).toEqual(['CA 15-3', 'CEA']);
    // Within a panel the server's order is kept.
    expect(groups[1]!.rows.map((r) => r.name)).toEqual(['Hemoglobin', 'Platelets']);
  });

  it("leaves another entity's marker in its panel, not emphasised", () => {
    const groups = groupLabSeries([psa, hb], 'BREAST');
    expect(groups.map((g) => [g.heading, g.tumorMarkers])).toEqual([
      ['Blood count', false],
      ['Other tumor markers', false],
    ]);
  });

  it('sorts unknown panels alphabetically after known ones, then other markers, then Other; skips empty series', () => {
    const zeta = labSeries('z', { panel: 'Zeta' });
    const alpha = labSeries('a', { panel: 'Alpha' });
    const empty = labSeries('e', { panel: 'Blood count', values: [] });
    const blank = labSeries('b', { panel: ' ' });
    expect(groupLabSeries([zeta, psa, alpha, empty, blank, alt, hb], 'KIDNEY').map((g) => g.heading)).toEqual([
      'Blood count',
      'Liver',
      'Alpha',
      'Zeta',
      'Other tumor markers',
      'Other',
    ]);
  });

  it('works out the flag of the newest value per row', () => {
    const rising = labSeries('2039-6', {
      referenceHigh: 5,
      values: [labValue('2026-01-01T08:00:00Z', 2, { interpretation: 'N' }), labValue('2026-03-01T08:00:00Z', 9.5, { interpretation: 'H' })],
    });
    const [group] = groupLabSeries([rising], 'COLORECTAL');
    expect(group!.rows[0]!.latest?.value).toBe(9.5);
    expect(group!.rows[0]!.flag?.label).toBe('High');
  });
});

describe('names and choices', () => {
  it('shortens LOINC displays and names markers clinically', () => {
    expect(shortAnalyteName(hb)).toBe('Hemoglobin');
    expect(shortAnalyteName(cea)).toBe('CEA');
    expect(shortAnalyteName({ display: '', loincCode: null, code: 'LOCAL-1' })).toBe('LOCAL-1');
  });

  it('treats the server flag or the entity table as a tumor marker', () => {
    expect(isEntityTumorMarker(cea, 'PROSTATE')).toBe(true);
    expect(isEntityTumorMarker(psa, 'PROSTATE')).toBe(true);
    expect(isEntityTumorMarker(psa, 'BREAST')).toBe(false);
  });

  it('opens the requested analyte (by code or LOINC), else the first row', () => {
    const local = labSeries('LOCAL-HB', { loincCode: '718-7', panel: 'Blood count' });
    const groups = groupLabSeries([local, cea], 'COLORECTAL');
    expect(initialLabCode(groups, '718-7')).toBe('LOCAL-HB');
    expect(initialLabCode(groups, 'LOCAL-HB')).toBe('LOCAL-HB');
    expect(initialLabCode(groups, 'nope')).toBe('2039-6');
    expect(initialLabCode(groups, null)).toBe('2039-6');
    expect(initialLabCode([], '718-7')).toBeNull();
  });
});
