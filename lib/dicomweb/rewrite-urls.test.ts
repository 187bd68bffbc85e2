import { describe, expect, it } from 'vitest';
import { attr } from './dicom-json';
import { rewritePacsUrls } from './rewrite-urls';

const pacs = 'http://127.0.0.1:8042/dicom-web';
const konsil = 'https://konsil.example/api/dicomweb';

describe('rewritePacsUrls', () => {
  it('points RetrieveURL and BulkDataURI at Konsil, also inside sequences', () => {
    const out = rewritePacsUrls(
      {
        '00081190': attr('UR', 'http://127.0.0.1:8042/dicom-web/studies/1.2'),
        '7FE00010': { vr: 'OW', BulkDataURI: 'http://localhost:8042/dicom-web/studies/1.2/series/1.3/instances/1.4/bulk/7fe00010' },
        '00081115': { vr: 'SQ', Value: [{ '00081190': attr('UR', '/dicom-web/studies/1.2/series/1.3') }] },
      },
      pacs,
      konsil,
    );
    expect(out['00081190']).toEqual(attr('UR', `${konsil}/studies/1.2`));
    expect(out['7FE00010']).toEqual({ vr: 'OW', BulkDataURI: `${konsil}/studies/1.2/series/1.3/instances/1.4/bulk/7fe00010` });
    expect((out['00081115']!.Value![0] as Record<string, unknown>)['00081190']).toEqual(attr('UR', `${konsil}/studies/1.2/series/1.3`));
  });

  it('drops URLs outside the PACS DICOMweb root instead of passing them on', () => {
    const out = rewritePacsUrls(
      {
        '00081190': attr('UR', 'http://127.0.0.1:8042/app/explorer.html'),
        '00091010': { vr: 'OB', BulkDataURI: 'http://elsewhere.example/secret' },
      },
      pacs,
      konsil,
    );
    expect(out['00081190']).toEqual({ vr: 'UR' });
    expect(out['00091010']).toEqual({ vr: 'OB' });
  });

  it('leaves other UR values (code system URLs) alone', () => {
    const out = rewritePacsUrls({ '00080104': attr('UR', 'http://loinc.org') }, pacs, konsil);
    expect(out['00080104']).toEqual(attr('UR', 'http://loinc.org'));
  });
});
