import { describe, expect, it } from 'vitest';
import { parseDicomFile, type ParsedDicomObject } from './parse-dicom-file';
import { encodeDataset, minimalImage, part10, tag, type ElementSpec } from './test-support/dataset-builder';

function metadataOf(extra: ElementSpec[], options: { implicit?: boolean; undefinedLengthSequences?: boolean } = {}) {
  const dataset = encodeDataset(minimalImage(extra), options);
  const file = part10(dataset, { transferSyntaxUid: options.implicit ? '1.2.840.10008.1.2' : '1.2.840.10008.1.2.1' });
  const parsed = parseDicomFile(file, { timeZone: 'UTC' });
  if (parsed.kind !== 'object') throw new Error(parsed.kind === 'rejected' ? parsed.reason : parsed.kind);
  return parsed as ParsedDicomObject;
}

describe('DICOM JSON (PS3.18 F.2)', () => {
  it('PN: component groups become Alphabetic/Ideographic/Phonetic, several names stay several values', () => {
    const { metadata } = metadataOf([[tag(0x0008, 0x1050), 'PN', 'Yamada^Tarou=山田^太郎\\Smith^John']]);
    // latin1 test bytes cannot carry kanji: what matters is the group split.
    expect(metadata['00081050']?.Value?.[1]).toEqual({ Alphabetic: 'Smith^John' });
    expect(Object.keys(metadata['00081050']?.Value?.[0] as object)).toEqual(['Alphabetic', 'Ideographic']);
    expect(metadata['00100010']).toEqual({ vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] });
  });

  it('DA, TM and strings: padding removed; empty means no Value; empty inside a list means null', () => {
    const { metadata } = metadataOf([
      [tag(0x0008, 0x0008), 'CS', 'ORIGINAL\\\\AXIAL'],
      [tag(0x0008, 0x0050), 'SH', ''],
      [tag(0x0010, 0x0030), 'DA', '19600101'],
    ]);
    expect(metadata['00080008']).toEqual({ vr: 'CS', Value: ['ORIGINAL', null, 'AXIAL'] });
    expect(metadata['00080050']).toEqual({ vr: 'SH' });
    expect(metadata['00100030']).toEqual({ vr: 'DA', Value: ['19600101'] });
    expect(metadata['00080030']).toEqual({ vr: 'TM', Value: ['101500'] });
  });

  it('DS and IS: numbers from the text; garbage is dropped with a warning, not NaN', () => {
    const { metadata, warnings } = metadataOf([
      [tag(0x0018, 0x0050), 'DS', ' 1.25 '],
      [tag(0x0020, 0x0032), 'DS', '-12.5\\abc\\1e2'],
      [tag(0x0020, 0x0013), 'IS', '42'],
      [tag(0x0020, 0x0012), 'IS', ''],
    ]);
    expect(metadata['00180050']).toEqual({ vr: 'DS', Value: [1.25] });
    expect(metadata['00200032']).toEqual({ vr: 'DS', Value: [-12.5, null, 100] });
    expect(metadata['00200013']).toEqual({ vr: 'IS', Value: [42] });
    expect(metadata['00200012']).toEqual({ vr: 'IS' });
    expect(warnings).toContain('Image Position Patient (0020,0032): "abc" is not a number; left out of the metadata');
  });

  it('US, SS, FL, FD, UL: numbers; several values stay several', () => {
    const { metadata } = metadataOf([
      [tag(0x0028, 0x0106), 'US', [0]],
      [tag(0x0028, 0x0107), 'US', [4095]],
      [tag(0x0018, 0x9087), 'FD', [1000.5]],
      [tag(0x0028, 0x1101), 'US', [256, 0, 16]],
    ]);
    expect(metadata['00280107']).toEqual({ vr: 'US', Value: [4095] });
    expect(metadata['00189087']).toEqual({ vr: 'FD', Value: [1000.5] });
    expect(metadata['00281101']).toEqual({ vr: 'US', Value: [256, 0, 16] });
  });

  it('AT: "GGGGEEEE" strings', () => {
    const { metadata } = metadataOf([[tag(0x0020, 0x9165), 'AT', [tag(0x0020, 0x9057), tag(0x0020, 0x9128)]]]);
    expect(metadata['00209165']).toEqual({ vr: 'AT', Value: ['00209057', '00209128'] });
  });

  it.each([
    ['defined length, explicit VR', {}],
    ['undefined length, explicit VR', { undefinedLengthSequences: true }],
    ['defined length, implicit VR', { implicit: true }],
    ['undefined length, implicit VR', { implicit: true, undefinedLengthSequences: true }],
  ])('SQ nested two levels deep (%s)', (_label, options) => {
    const { metadata } = metadataOf(
      [
        [
          tag(0x0008, 0x1140),
          'SQ',
          [
            [
              [tag(0x0008, 0x1150), 'UI', '1.2.840.10008.5.1.4.1.1.2'],
              [tag(0x0008, 0x1155), 'UI', '1.2.3.4.5'],
              [tag(0x0040, 0xa170), 'SQ', [[[tag(0x0008, 0x0100), 'SH', '121311'], [tag(0x0008, 0x0104), 'LO', 'Localizer']]]],
            ],
            [[tag(0x0008, 0x1155), 'UI', '1.2.3.4.6']],
          ],
        ],
      ],
      options,
    );
    expect(metadata['00081140']).toEqual({
      vr: 'SQ',
      Value: [
        {
          '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
          '00081155': { vr: 'UI', Value: ['1.2.3.4.5'] },
          '0040A170': { vr: 'SQ', Value: [{ '00080100': { vr: 'SH', Value: ['121311'] }, '00080104': { vr: 'LO', Value: ['Localizer'] } }] },
        },
        { '00081155': { vr: 'UI', Value: ['1.2.3.4.6'] } },
      ],
    });
  });

  it('leaves bulk data out: pixel data and binary values over 1 KiB are `{ vr }`, small ones InlineBinary', () => {
    const { metadata } = metadataOf([
      [tag(0x0009, 0x0010), 'LO', 'KONSIL TEST'],
      [tag(0x0009, 0x1001), 'OB', Uint8Array.of(1, 2, 3, 4)],
      [tag(0x0009, 0x1002), 'OB', new Uint8Array(4096)],
    ]);
    expect(metadata['00091001']).toEqual({ vr: 'OB', InlineBinary: 'AQIDBA==' });
    expect(metadata['00091002']).toEqual({ vr: 'OB' });
    expect(metadata['7FE00010']).toEqual({ vr: 'OW' });
    expect(JSON.stringify(metadata).length).toBeLessThan(2000);
  });

  it('keeps text with backslashes as one value (LT/ST/UT) and strips NUL characters that jsonb refuses', () => {
    const { metadata } = metadataOf([
      [tag(0x0010, 0x4000), 'LT', 'first\\second'],
      [tag(0x0008, 0x1030), 'LO', 'Head\0CT'],
    ]);
    expect(metadata['00104000']).toEqual({ vr: 'LT', Value: ['first\\second'] });
    expect(metadata['00081030']).toEqual({ vr: 'LO', Value: ['HeadCT'] });
  });

  it('drops group lengths and the file meta group', () => {
    const { metadata } = metadataOf([[tag(0x0008, 0x0000), 'UL', [100]]]);
    expect(Object.keys(metadata).some((key) => key.endsWith('0000') || key.startsWith('0002'))).toBe(false);
  });
});
