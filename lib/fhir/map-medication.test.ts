import type { Medication, MedicationRequest, MedicationStatement } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { nsclcTransaction, resourceAt } from './__fixtures__/load-fixture';
import { mapMedication } from './map-medication';

const path = 'Bundle.entry[19].resource';
const none = () => undefined;

describe('mapMedication', () => {
  it('maps a MedicationStatement with an ATC-coded drug and its period', () => {
    const { row, issues } = mapMedication(resourceAt<MedicationStatement>(nsclcTransaction(), 19), path, none);
    expect(issues).toEqual([]);
    expect(row).toEqual({
      atcCode: 'L01FF02',
      display: 'Pembrolizumab 200 mg q3w',
      regimen: null,
      status: 'active',
      fhirResourceType: 'MedicationStatement',
      startDate: '2024-03-25',
      endDate: null,
    });
  });

  it("takes the regimen from Konsil's regimen extension, and only from it", () => {
    const statement = resourceAt<MedicationStatement>(nsclcTransaction(), 19);
    const withRegimen = { ...statement, extension: [{ url: 'urn:konsil:fhir:extension:regimen', valueString: 'carboplatin/pemetrexed/pembrolizumab' }] };
    expect(mapMedication(withRegimen, path, none).row?.regimen).toBe('carboplatin/pemetrexed/pembrolizumab');
    const otherExtension = { ...statement, extension: [{ url: 'urn:other:regimen', valueString: 'FOLFOX' }] };
    expect(mapMedication(otherExtension, path, none).row?.regimen).toBeNull();
  });

  it('reads the drug of a MedicationRequest from the Bundle entry its medicationReference names', () => {
    const bundle = nsclcTransaction();
    const carboplatin = resourceAt<Medication>(bundle, 21);
    const request = resourceAt<MedicationRequest>(bundle, 22);
    const { row } = mapMedication(request, path, (ref) => (ref === bundle.entry![21]!.fullUrl ? carboplatin : undefined));
    expect(row).toEqual({
      atcCode: 'L01XA02',
      display: 'carboplatin',
      regimen: null,
      status: 'completed',
      fhirResourceType: 'MedicationRequest',
      startDate: '2024-03-25',
      endDate: '2024-06-10',
    });
  });

  it('reads a contained Medication, falls back to authoredOn and to the reference display', () => {
    const request: MedicationRequest = {
      resourceType: 'MedicationRequest',
      status: 'active',
      intent: 'order',
      subject: {},
      authoredOn: '2024-05-01T10:00:00+02:00',
      contained: [{ resourceType: 'Medication', id: 'm1', code: { coding: [{ system: 'http://www.whocc.no/atc', code: 'L01BA04', display: 'pemetrexed' }] } }],
      medicationReference: { reference: '#m1' },
    };
    expect(mapMedication(request, path, none).row).toMatchObject({ atcCode: 'L01BA04', display: 'pemetrexed', startDate: '2024-05-01' });
    const byDisplay = mapMedication({ ...request, contained: undefined, medicationReference: { reference: 'Medication/elsewhere', display: 'Cisplatin' } }, path, none);
    expect(byDisplay.row).toMatchObject({ atcCode: null, display: 'Cisplatin' });
  });

  it('refuses a drug it cannot name', () => {
    const { row, issues } = mapMedication({ resourceType: 'MedicationStatement', status: 'active', subject: {}, medicationReference: { reference: 'Medication/x' } }, path, none);
    expect(row).toBeUndefined();
    expect(issues[0]).toMatchObject({ severity: 'error', expression: [`${path}.medication[x]`] });
  });
});
