import { describe, expect, it } from 'vitest';
import { dicomDirBase, readDicomDirIndex } from './dicomdir';
import { parseDicomFile } from './parse-dicom-file';
import { external } from './test-support/test-files';

describe('DICOMDIR', () => {
  it('reads the records and referenced files of a real medium', () => {
    const parsed = parseDicomFile(external('dicomdir-study/DICOMDIR'), { timeZone: 'UTC' });
    if (parsed.kind !== 'directory') throw new Error(`expected a directory, got ${parsed.kind}`);
    expect(parsed.index.recordCounts).toEqual({ PATIENT: 2, STUDY: 6, SERIES: 13, IMAGE: 31 });
    expect(parsed.index.files).toHaveLength(31);
    expect(parsed.index.files.map((f) => f.path)).toContain('77654033/CR1/6154');
    expect(parsed.index.files.every((f) => f.recordType === 'IMAGE' && f.sopInstanceUid)).toBe(true);
  });

  it('ignores file IDs that could leave the medium', () => {
    const record = (ids: string[]) => ({ '00041430': { vr: 'CS', Value: ['IMAGE'] }, '00041500': { vr: 'CS', Value: ids } });
    const index = readDicomDirIndex({ '00041220': { vr: 'SQ', Value: [record(['..', 'etc', 'passwd']), record(['A/B']), record(['IMG', '0001'])] } });
    expect(index.files.map((f) => f.path)).toEqual(['IMG/0001']);
    expect(index.warnings).toHaveLength(2);
  });

  it('resolves paths relative to the DICOMDIR', () => {
    expect(dicomDirBase('disk1/DICOMDIR')).toBe('disk1/');
    expect(dicomDirBase('DICOMDIR')).toBe('');
    expect(dicomDirBase('a\\b\\DICOMDIR')).toBe('a/b/');
  });
});
