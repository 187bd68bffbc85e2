import { describe, expect, it } from 'vitest';
import { DicomwebError } from './dicomweb-error';
import { parseDicomwebPath } from './parse-path';

const S = '1.2.840.113619.2.1';
const SE = '1.2.840.113619.2.1.2';
const I = '1.2.840.113619.2.1.2.3';

const statusOf = (path: string[]) => {
  try {
    parseDicomwebPath(path);
    return 200;
  } catch (error) {
    return (error as DicomwebError).status;
  }
};

describe('parseDicomwebPath', () => {
  it('recognises every resource Konsil serves', () => {
    expect(parseDicomwebPath(['studies'])).toEqual({ kind: 'qido', level: 'studies' });
    expect(parseDicomwebPath(['series'])).toEqual({ kind: 'qido', level: 'series' });
    expect(parseDicomwebPath(['instances'])).toEqual({ kind: 'qido', level: 'instances' });
    expect(parseDicomwebPath(['wado'])).toEqual({ kind: 'wado-uri' });
    expect(parseDicomwebPath(['studies', S])).toEqual({ kind: 'retrieve', studyUid: S });
    expect(parseDicomwebPath(['studies', S, 'metadata'])).toEqual({ kind: 'metadata', studyUid: S });
    expect(parseDicomwebPath(['studies', S, 'series'])).toEqual({ kind: 'qido', level: 'series', studyUid: S });
    expect(parseDicomwebPath(['studies', S, 'instances'])).toEqual({ kind: 'qido', level: 'instances', studyUid: S });
    expect(parseDicomwebPath(['studies', S, 'series', SE, 'instances'])).toEqual({ kind: 'qido', level: 'instances', studyUid: S, seriesUid: SE });
    expect(parseDicomwebPath(['studies', S, 'series', SE, 'metadata'])).toEqual({ kind: 'metadata', studyUid: S, seriesUid: SE });
    expect(parseDicomwebPath(['studies', S, 'series', SE, 'instances', I])).toEqual({ kind: 'retrieve', studyUid: S, seriesUid: SE, sopUid: I });
    expect(parseDicomwebPath(['studies', S, 'series', SE, 'instances', I, 'frames', '1,3'])).toEqual({ kind: 'frames', studyUid: S, seriesUid: SE, sopUid: I, frames: [1, 3] });
    expect(parseDicomwebPath(['studies', S, 'series', SE, 'instances', I, 'frames', '1%2C2'])).toMatchObject({ frames: [1, 2] });
    expect(parseDicomwebPath(['studies', S, 'series', SE, 'instances', I, 'bulk', '7FE00010'])).toMatchObject({ kind: 'bulk', tagPath: ['7fe00010'] });
    expect(parseDicomwebPath(['studies', S, 'series', SE, 'instances', I, 'frames', '2', 'rendered'])).toMatchObject({ kind: 'rendered', frames: [2] });
    expect(parseDicomwebPath(['studies', S, 'thumbnail'])).toEqual({ kind: 'thumbnail', studyUid: S });
  });

  it('answers 400 for malformed UIDs and frame lists', () => {
    expect(statusOf(['studies', '1.2.abc'])).toBe(400);
    expect(statusOf(['studies', '1..2'])).toBe(400);
    expect(statusOf(['studies', `1.${'2'.repeat(70)}`])).toBe(400);
    expect(statusOf(['studies', S, 'series', '../../etc'])).toBe(400);
    expect(statusOf(['studies', S, 'series', SE, 'instances', I, 'frames', '0'])).toBe(400);
    expect(statusOf(['studies', S, 'series', SE, 'instances', I, 'frames', '1,x'])).toBe(400);
    expect(statusOf(['studies', S, 'series', SE, 'instances', I, 'bulk', '..'])).toBe(400);
  });

  it('answers 404 for paths that are no resource', () => {
    expect(statusOf([])).toBe(404);
    expect(statusOf(['patients'])).toBe(404);
    expect(statusOf(['studies', S, 'whatever'])).toBe(404);
    expect(statusOf(['studies', S, 'series', SE, 'instances', I, 'frames', '1', 'extra'])).toBe(404);
  });
});
