import { describe, expect, it } from 'vitest';
import { attr, resolveAttribute, type DicomJson } from './dicom-json';
import { indexFilter } from './local-qido';
import { matchesAll } from './qido-match';
import { parseQidoQuery } from './qido-query';
import { instanceResult, metadataTagsFor, seriesResult, studyResult } from './qido-results';

const study: DicomJson = {
  '00080020': attr('DA', '20200315'),
  '00080030': attr('TM', '093015.123'),
  '00080050': attr('SH', 'ACC-42'),
  '00080061': attr('CS', 'CT', 'SR'),
  '00100010': attr('PN', 'Doe^Jane^^^'),
  '00100020': attr('LO', 'PAT-7'),
  '0020000D': attr('UI', '1.2.3.4'),
  '00201206': attr('IS', 3),
};

const match = (query: string) => matchesAll(study, parseQidoQuery(new URLSearchParams(query), 'studies').matchers);

describe('QIDO query parsing', () => {
  it('reads matching keys by keyword or tag, includefield, limit and offset', () => {
    const query = parseQidoQuery(new URLSearchParams('PatientID=PAT-7&0020000D=1.2.3.4&includefield=00081030,StudyDescription&includefield=all&limit=10&offset=5'), 'studies');
    expect(query.matchers.map((m) => [m.tag, m.value])).toEqual([
      ['00100020', 'PAT-7'],
      ['0020000D', '1.2.3.4'],
    ]);
    expect(query.includeAll).toBe(true);
    expect(query.includeTags).toEqual(expect.arrayContaining(['00081030', '00100020', '0020000D']));
    expect([query.limit, query.offset]).toEqual([10, 5]);
  });

  it('treats an empty value and a lone * as universal matching (return the attribute, match all)', () => {
    const query = parseQidoQuery(new URLSearchParams('PatientName=&StudyDescription=*'), 'studies');
    expect(query.matchers).toEqual([]);
    expect(query.includeTags).toEqual(['00100010', '00081030']);
  });

  it('caps the page size and refuses nonsense', () => {
    expect(parseQidoQuery(new URLSearchParams('limit=999999'), 'studies').limit).toBe(1000);
    expect(() => parseQidoQuery(new URLSearchParams('limit=-1'), 'studies')).toThrow(/whole number/);
    expect(() => parseQidoQuery(new URLSearchParams('offset=abc'), 'series')).toThrow(/whole number/);
  });

  it('reports what it ignored', () => {
    const query = parseQidoQuery(new URLSearchParams('00081032.00080100=X&Banana=1&fuzzymatching=true'), 'studies');
    expect(query.matchers).toEqual([]);
    expect(query.warnings).toHaveLength(3);
  });
});

describe('QIDO matching', () => {
  it('matches UID lists', () => {
    expect(match('StudyInstanceUID=9.9,1.2.3.4')).toBe(true);
    expect(match('StudyInstanceUID=1.2.3')).toBe(false);
  });

  it('matches dates and date ranges', () => {
    expect(match('StudyDate=20200315')).toBe(true);
    expect(match('StudyDate=20200101-20201231')).toBe(true);
    expect(match('StudyDate=-20200314')).toBe(false);
    expect(match('StudyDate=20200316-')).toBe(false);
    expect(match('StudyDate=20200315-20200315')).toBe(true);
  });

  it('matches times on the precision given', () => {
    expect(match('StudyTime=0900-0930')).toBe(true);
    expect(match('StudyTime=0931-')).toBe(false);
  });

  it('matches person names with wildcards, ignoring case and empty trailing components', () => {
    expect(match('PatientName=doe^jane')).toBe(true);
    expect(match('PatientName=DOE*')).toBe(true);
    expect(match('PatientName=D?e^J*')).toBe(true);
    expect(match('PatientName=Smith*')).toBe(false);
    expect(match('PatientName=Doe')).toBe(false);
  });

  it('matches multi-valued CS attributes on any value, and comma lists', () => {
    expect(match('ModalitiesInStudy=SR')).toBe(true);
    expect(match('ModalitiesInStudy=MR,CT')).toBe(true);
    expect(match('ModalitiesInStudy=MR')).toBe(false);
  });

  it('matches other strings exactly or by wildcard, case-sensitively, and numbers numerically', () => {
    expect(match('AccessionNumber=ACC-42')).toBe(true);
    expect(match('AccessionNumber=acc-42')).toBe(false);
    expect(match('AccessionNumber=ACC*')).toBe(true);
    expect(match('PatientID=PAT-7&AccessionNumber=ACC-43')).toBe(false);
    expect(match('NumberOfStudyRelatedSeries=03')).toBe(true);
  });

  it('never matches an attribute the result does not have', () => {
    expect(match('StudyDescription=CT*')).toBe(false);
  });

  it('treats regex characters in values literally', () => {
    expect(matchesAll({ '00100020': attr('LO', 'A.B') }, parseQidoQuery(new URLSearchParams('PatientID=A.B'), 'studies').matchers)).toBe(true);
    expect(matchesAll({ '00100020': attr('LO', 'AxB') }, parseQidoQuery(new URLSearchParams('PatientID=A.B'), 'studies').matchers)).toBe(false);
  });
});

describe('index filter', () => {
  const parse = (query: string) => parseQidoQuery(new URLSearchParams(query), 'series').matchers;

  it('sends UID lists and plain modalities to the index and keeps the rest for the results', () => {
    const { filter, rest } = indexFilter(parse('StudyInstanceUID=1.2,1.3&Modality=CT,MR&PatientName=D*&SOPClassUID=1.9'), {});
    expect(filter).toEqual({ studyUids: ['1.2', '1.3'], modalities: ['CT', 'MR'], sopClassUids: ['1.9'] });
    expect(rest.map((m) => m.tag)).toEqual(['00100010']);
    expect(indexFilter(parse('Modality=C*'), {}).rest.map((m) => m.tag)).toEqual(['00080060']);
  });

  it('lets the path win, and a contradicting key match nothing', () => {
    expect(indexFilter(parse(''), { studyUid: '1.2', seriesUid: '1.2.3' }).filter).toEqual({ studyUids: ['1.2'], seriesUids: ['1.2.3'] });
    expect(indexFilter(parse('StudyInstanceUID=1.2,1.5'), { studyUid: '1.2' }).filter.studyUids).toEqual(['1.2']);
    expect(indexFilter(parse('StudyInstanceUID=1.5'), { studyUid: '1.2' }).filter.studyUids).toEqual([]);
  });
});

describe('wildcard matching is linear-time', () => {
  const one = (dataset: DicomJson, query: string) => matchesAll(dataset, parseQidoQuery(new URLSearchParams(query), 'studies').matchers);

  it('answers a pathological pattern at once', () => {
    const dataset = { '00081030': attr('LO', 'a'.repeat(40)), '00100010': attr('PN', 'a'.repeat(40)) };
    const started = performance.now();
    expect(one(dataset, 'StudyDescription=*?*?*?*?*?*?*?*?*?*?*?*?Z')).toBe(false);
    expect(one(dataset, 'PatientName=*?*?*?*?*?*?*?*?*?*?*?*?Z')).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
    expect(one(dataset, 'StudyDescription=*?*?*?*?*?*?*?*?*?*?*?*?a')).toBe(true);
  });

  it.each([
    ['CT THORAX', 'CT*', true],
    ['CT THORAX', '*THORAX', true],
    ['CT THORAX', '*TH?RAX', true],
    ['CT THORAX', 'C*T*X', true],
    ['CT THORAX', 'C*T*Y', false],
    ['CT THORAX', '??', false],
    ['CT', '??', true],
    ['CT', '???', false],
    ['CT', '**', true],
    ['', 'CT', false],
    ['ab.c', 'ab.c', true],
    ['abxc', 'ab.c', false],
    ['a(b)[c]$^|+', 'a(b)[c]$^|+', true],
    ['line\nbreak', 'line?break', true],
    ['aaa', 'a*a*a*a', false],
    ['mississippi', 'm*iss*ppi', true],
    ['mississippi', 'm*iss*ppx', false],
  ])('%j matches %j: %s', (stored, pattern, expected) => {
    expect(one({ '00081030': attr('LO', stored) }, `StudyDescription=${encodeURIComponent(pattern)}`)).toBe(expected);
  });

  it('keeps person names case-insensitive and other strings case-sensitive', () => {
    expect(one({ '00100010': attr('PN', 'Müller^Jörg') }, 'PatientName=mÜl*^J?RG')).toBe(true);
    expect(one({ '00081030': attr('LO', 'CT Thorax') }, 'StudyDescription=ct*')).toBe(false);
  });

  it('refuses over-long values (400) instead of matching them', () => {
    expect(() => parseQidoQuery(new URLSearchParams(`StudyDescription=${'*?'.repeat(40)}`), 'studies')).toThrow(expect.objectContaining({ status: 400, message: expect.stringMatching(/longer than 64/) }));
    expect(parseQidoQuery(new URLSearchParams(`StudyDescription=${'x'.repeat(64)}`), 'studies').matchers).toHaveLength(1);
    // UID lists are long by nature; each UID is at most 64 characters.
    const uids = Array.from({ length: 50 }, (_, i) => `1.2.826.0.1.3680043.8.498.${i}`).join(',');
    expect(parseQidoQuery(new URLSearchParams(`StudyInstanceUID=${uids}`), 'studies').matchers[0]!.value).toBe(uids);
    expect(() => parseQidoQuery(new URLSearchParams(`StudyInstanceUID=1.2,${'1'.repeat(65)}`), 'studies')).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('query keys that are not attributes', () => {
  it('ignores, with a warning, keys that name Object.prototype properties', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) expect(resolveAttribute(key), key).toBeNull();
    const query = parseQidoQuery(new URLSearchParams('constructor=x&__proto__=x&toString=1&includefield=hasOwnProperty,valueOf'), 'studies');
    expect(query.matchers).toEqual([]);
    expect(query.includeTags).toEqual([]);
    expect(query.warnings).toHaveLength(5);
  });
});

describe('the metadata QIDO results are built from', () => {
  // A stored dataset with much more than any result needs.
  const stored: DicomJson = {
    '00080005': attr('CS', 'ISO_IR 100'),
    '00080008': attr('CS', 'ORIGINAL', 'PRIMARY'),
    '00080016': attr('UI', '1.2.840.10008.5.1.4.1.1.2'),
    '00080018': attr('UI', '1.2.3.4.5.6'),
    '00080020': attr('DA', '20200315'),
    '00080021': attr('DA', '20200315'),
    '00080030': attr('TM', '093015'),
    '00080031': attr('TM', '093500'),
    '00080050': attr('SH', 'ACC-42'),
    '00080060': attr('CS', 'CT'),
    '00080070': attr('LO', 'Maker'),
    '00080090': attr('PN', 'Ref^Doc'),
    '00080201': attr('SH', '+0100'),
    '00081030': attr('LO', 'CT Thorax'),
    '0008103E': attr('LO', 'Lung 1mm'),
    '00100010': attr('PN', 'Doe^Jane'),
    '00100020': attr('LO', 'PAT-7'),
    '00100021': attr('LO', 'HOSP'),
    '00100030': attr('DA', '19550505'),
    '00100040': attr('CS', 'F'),
    '00180015': attr('CS', 'CHEST'),
    '00180050': attr('DS', 1),
    '0020000D': attr('UI', '1.2.3.4'),
    '0020000E': attr('UI', '1.2.3.4.5'),
    '00200010': attr('SH', 'S1'),
    '00200011': attr('IS', 3),
    '00200013': attr('IS', 7),
    '00280010': attr('US', 512),
    '00280011': attr('US', 512),
    '00280100': attr('US', 16),
    '00400244': attr('DA', '20200315'),
    '00400245': attr('TM', '093000'),
    '00431028': { vr: 'OB', InlineBinary: 'AAAA' },
    '7FE00010': { vr: 'OW' },
  };
  const only = (tags: readonly string[] | undefined): DicomJson => (tags ? Object.fromEntries(Object.entries(stored).filter(([tag]) => tags.includes(tag))) : stored);
  const study = { studyId: 's', patientId: 'p', studyInstanceUid: '1.2.3.4' };

  it.each(['', 'includefield=00180050,Manufacturer', 'PatientName=Doe*&BodyPartExamined=CHEST', 'includefield=00431028', 'includefield=all'])(
    'gives the same results from the needed tags as from the whole dataset (%s)',
    (search) => {
      const query = parseQidoQuery(new URLSearchParams(search), 'instances');
      const tags = metadataTagsFor(query);
      if (search === 'includefield=all') expect(tags).toBeUndefined();
      else expect(tags!.length).toBeLessThan(Object.keys(stored).length);
      const studyHit = (sample: DicomJson) => ({ ...study, accessionNumber: null, studyDate: null, description: null, series: [{ modality: 'CT', instanceCount: 1 }], sample });
      const seriesHit = (sample: DicomJson) => ({ seriesInstanceUid: '1.2.3.4.5', modality: 'CT', seriesNumber: 3, description: null, instanceCount: 1, study, sample });
      const instanceHit = (metadata: DicomJson) => ({ sopInstanceUid: '1.2.3.4.5.6', sopClassUid: '1.2.840.10008.5.1.4.1.1.2', instanceNumber: 7, rows: 512, columns: 512, numberOfFrames: 1, transferSyntaxUid: null, seriesInstanceUid: '1.2.3.4.5', study, metadata });
      expect(studyResult(studyHit(only(tags)), 'b', query)).toEqual(studyResult(studyHit(stored), 'b', query));
      for (const withStudy of [true, false]) {
        expect(seriesResult(seriesHit(only(tags)), 'b', query, withStudy)).toEqual(seriesResult(seriesHit(stored), 'b', query, withStudy));
        expect(instanceResult(instanceHit(only(tags)), 'b', query, withStudy)).toEqual(instanceResult(instanceHit(stored), 'b', query, withStudy));
      }
    },
  );
});
