import { describe, expect, it } from 'vitest';
import { displayUnit, formatFeatureValue, formatMetric, formatNumber, formatPercent, formatSigned } from './format';

describe('numbers', () => {
  it('writes up to 4 significant digits with a real minus sign', () => {
    expect(formatNumber(16.13)).toBe('16.13');
    expect(formatNumber(1322.3)).toBe('1322');
    expect(formatNumber(0.073561)).toBe('0.07356');
    expect(formatNumber(60)).toBe('60');
    expect(formatNumber(-0.25053)).toBe('−0.2505');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.000012346)).toBe('0.00001235');
  });

  it('writes card metrics with the digits the card gives', () => {
    expect(formatMetric(1.0386)).toBe('1.0386');
    expect(formatMetric(0.967)).toBe('0.967');
  });

  it('always shows the sign of a contribution', () => {
    expect(formatSigned(0.4213)).toBe('+0.42');
    expect(formatSigned(-0.306)).toBe('−0.31');
    expect(formatSigned(0.001)).toBe('0.00');
  });

  it('writes probabilities as percentages without claiming 0 or 100 %', () => {
    expect(formatPercent(0.93930)).toBe('93.9 %');
    expect(formatPercent(0.000229)).toBe('< 0.1 %');
    expect(formatPercent(0.99989)).toBe('> 99.9 %');
    expect(formatPercent(1)).toBe('100.0 %');
  });
});

describe('units', () => {
  it('shows UCUM units the way people read them', () => {
    expect(displayUnit('a')).toBe('years');
    expect(displayUnit('[lb_av]')).toBe('lb');
    expect(displayUnit('1')).toBe('');
    expect(displayUnit('{score}')).toBe('');
    expect(displayUnit('{WDBC length unit}')).toBe('WDBC length unit');
    expect(displayUnit('fmol/l')).toBe('fmol/l');
  });

  it('formats a feature value with its unit', () => {
    expect(formatFeatureValue(23, 'mm')).toBe('23 mm');
    expect(formatFeatureValue(55, 'a')).toBe('55 years');
    expect(formatFeatureValue(1, '{bool}')).toBe('yes (1)');
    expect(formatFeatureValue(0, '{bool}')).toBe('no (0)');
    expect(formatFeatureValue(3, '1')).toBe('3');
    expect(formatFeatureValue(80, '%')).toBe('80 %');
    expect(formatFeatureValue(null, 'mm')).toBe('—');
    expect(formatFeatureValue('positive', '%')).toBe('positive (%)');
  });
});
