import { describe, expect, it } from 'vitest';
import { dicomDateToUtcDay, parseDicomDate, studyInstant } from './dicom-dates';
import { dicomPseudonym, patientFromHeader, sexOf, splitPersonName } from './patient-from-header';
import { isImageObject } from './sop-classes';
import { isLocalIssuer, parseLocalIssuers } from './local-issuers';

describe('DICOM dates', () => {
  it('reads a study date/time in the hospital zone, or in the offset the file names', () => {
    expect(studyInstant({ date: '20240131', time: '101500', timeZone: 'Europe/Berlin' })?.toISOString()).toBe('2024-01-31T09:15:00.000Z');
    expect(studyInstant({ date: '20240731', time: '101500.123', timeZone: 'Europe/Berlin' })?.toISOString()).toBe('2024-07-31T08:15:00.123Z');
    expect(studyInstant({ date: '20040119', time: '072730', offset: '-0500', timeZone: 'Europe/Berlin' })?.toISOString()).toBe('2004-01-19T12:27:30.000Z');
    expect(studyInstant({ date: '2004.01.19', time: '07:27', timeZone: 'UTC' })?.toISOString()).toBe('2004-01-19T07:27:00.000Z');
  });

  it('treats bad dates as no date and bad times as midnight, never throwing', () => {
    for (const date of ['', '2024013', '20241301', '20240230', 'yesterday', undefined]) expect(parseDicomDate(date)).toBeNull();
    expect(studyInstant({ date: '20240131', time: '99', timeZone: 'UTC' })?.toISOString()).toBe('2024-01-31T00:00:00.000Z');
    expect(studyInstant({ date: '20240131', timeZone: 'Not/AZone' })?.toISOString()).toBe('2024-01-31T00:00:00.000Z');
    expect(dicomDateToUtcDay('19610229')).toBeNull();
    expect(dicomDateToUtcDay('19640229')?.toISOString()).toBe('1964-02-29T00:00:00.000Z');
  });
});

describe('patients from headers', () => {
  it('splits PN and maps sex', () => {
    expect(splitPersonName('Doe^Jane^Q^Dr')).toEqual({ familyName: 'Doe', givenName: 'Jane Q' });
    expect(splitPersonName('Anonymized')).toEqual({ familyName: 'Anonymized', givenName: '' });
    expect([sexOf('M'), sexOf('f '), sexOf('O'), sexOf(''), sexOf(undefined), sexOf('X')]).toEqual(['MALE', 'FEMALE', 'OTHER', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN']);
  });

  it('builds the patient; synthetic only when Patient Comments say so', () => {
    const base = { id: '4MR1', name: { Alphabetic: 'CompressedSamples^MR1' }, birthDate: 'bad', sex: 'F', comments: undefined };
    const patient = patientFromHeader(base, 'key');
    expect(patient).toMatchObject({ mrn: '4MR1', familyName: 'CompressedSamples', givenName: 'MR1', birthDate: null, sex: 'FEMALE', isSynthetic: false });
    expect(patientFromHeader({ ...base, comments: 'SYNTHETIC demo patient (Konsil)' }, 'key').isSynthetic).toBe(true);
    expect(patientFromHeader({ ...base, comments: 'not SYNTHETIC' }, 'key').isSynthetic).toBe(false);
    expect(patientFromHeader({ ...base, name: undefined }, 'key').familyName).toBe('Unknown');
  });

  it('derives a stable, keyed pseudonym', () => {
    expect(dicomPseudonym('4MR1', 'k1')).toMatch(/^Patient DCM-[0-9A-Z]{10}$/);
    expect(dicomPseudonym('4MR1', 'k1')).toBe(dicomPseudonym('4MR1', 'k1'));
    expect(dicomPseudonym('4MR1', 'k1')).not.toBe(dicomPseudonym('4MR2', 'k1'));
    expect(dicomPseudonym('4MR1', 'k1')).not.toBe(dicomPseudonym('4MR1', 'k2'));
  });
});

describe('isImage', () => {
  it.each([
    ['1.2.840.10008.5.1.4.1.1.2', true, true], // CT
    ['1.2.840.10008.5.1.4.1.1.2', false, false], // CT without pixel data
    ['1.2.840.10008.5.1.4.1.1.88.33', false, false], // Comprehensive SR
    ['1.2.840.10008.5.1.4.1.1.88.59', false, false], // Key Object Selection
    ['1.2.840.10008.5.1.4.1.1.11.1', false, false], // Presentation State
    ['1.2.840.10008.5.1.4.1.1.66.4', true, false], // SEG has pixel data but is an overlay
    ['1.2.840.10008.5.1.4.1.1.481.3', false, false], // RTSTRUCT
    ['1.2.840.10008.5.1.4.1.1.481.5', false, false], // RTPLAN
    ['1.2.840.10008.5.1.4.1.1.481.2', true, true], // RTDOSE with a dose grid
    ['1.2.840.10008.5.1.4.1.1.481.2', false, false], // RTDOSE with DVHs only
    ['1.2.840.10008.5.1.4.1.1.104.1', false, false], // Encapsulated PDF
  ])('%s with pixel data %s → %s', (sopClass, hasPixels, expected) => {
    expect(isImageObject(sopClass, hasPixels)).toBe(expected);
  });
});

describe('DICOM_LOCAL_ISSUERS', () => {
  it('defaults to the demo issuer; empty means none; entries are trimmed and compared case-insensitively', () => {
    expect(parseLocalIssuers(undefined)).toEqual(['KONSIL-DEMO']);
    expect(parseLocalIssuers('')).toEqual([]);
    expect(parseLocalIssuers(' UKB-KIS, ukb-pacs ,,')).toEqual(['UKB-KIS', 'UKB-PACS']);
    expect(isLocalIssuer(' ukb-kis ', parseLocalIssuers('UKB-KIS'))).toBe(true);
    expect(isLocalIssuer('OTHER-HOSPITAL', parseLocalIssuers('UKB-KIS'))).toBe(false);
    expect(isLocalIssuer('KONSIL-DEMO', parseLocalIssuers(''))).toBe(false);
  });
});
