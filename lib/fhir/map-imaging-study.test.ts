import type { ImagingStudy } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { nsclcTransaction, resourceAt } from './__fixtures__/load-fixture';
import { mapImagingStudy } from './map-imaging-study';

const path = 'Bundle.entry[20].resource';

describe('mapImagingStudy', () => {
  it('maps the Study Instance UID (without urn:oid:), accession number, start, description and modalities', () => {
    const { row, issues } = mapImagingStudy(resourceAt<ImagingStudy>(nsclcTransaction(), 20), path);
    expect(issues).toEqual([]);
    expect(row).toEqual({
      studyInstanceUid: '1.2.826.0.1.3680043.8.498.10203040506070809',
      accessionNumber: 'ACC-2024-33017',
      studyDate: '2024-03-01T10:02:00.000Z',
      description: 'CT Thorax/Abdomen mit KM',
      modalities: ['CT'],
    });
  });

  it('collects modalities from study and series once each', () => {
    const { row } = mapImagingStudy(
      {
        resourceType: 'ImagingStudy',
        status: 'available',
        subject: {},
        identifier: [{ system: 'urn:dicom:uid', value: 'urn:oid:1.2.3' }],
        modality: [{ code: 'PT' }],
        series: [
          { uid: '1.2.3.1', modality: { code: 'CT' } },
          { uid: '1.2.3.2', modality: { code: 'PT' } },
        ],
      },
      path,
    );
    expect(row?.modalities).toEqual(['PT', 'CT']);
  });

  it('refuses a study without a DICOM UID identifier, or with a malformed one', () => {
    const missing = mapImagingStudy({ resourceType: 'ImagingStudy', status: 'available', subject: {}, identifier: [{ system: 'urn:other', value: '1' }] }, path);
    expect(missing.issues[0]).toMatchObject({ severity: 'error', expression: [`${path}.identifier`] });
    const malformed = mapImagingStudy({ resourceType: 'ImagingStudy', status: 'available', subject: {}, identifier: [{ system: 'urn:dicom:uid', value: 'urn:oid:1.2.x' }] }, path);
    expect(malformed.issues[0]).toMatchObject({ severity: 'error', expression: [`${path}.identifier[0].value`] });
  });
});
