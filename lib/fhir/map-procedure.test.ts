import type { Procedure } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { nsclcTransaction, resourceAt } from './__fixtures__/load-fixture';
import { mapProcedure } from './map-procedure';
import { procedureCategory } from './procedure-category';

const path = 'Bundle.entry[17].resource';
const procedure = (overrides: Partial<Procedure>): Procedure => ({ resourceType: 'Procedure', status: 'completed', subject: {}, performedDateTime: '2024-01-01', ...overrides });
const snomed = (code: string, display?: string) => ({ coding: [{ system: 'http://snomed.info/sct', code, ...(display ? { display } : {}) }] });
const ops = (code: string, display?: string) => ({ coding: [{ system: 'http://fhir.de/CodeSystem/bfarm/ops', code, ...(display ? { display } : {}) }] });

describe('mapProcedure', () => {
  it('maps the OPS-coded bronchoscopic biopsy and the radiotherapy course with its period', () => {
    const bundle = nsclcTransaction();
    expect(mapProcedure(resourceAt<Procedure>(bundle, 17), path).row).toEqual({
      category: 'BIOPSY',
      codeSystem: 'http://fhir.de/CodeSystem/bfarm/ops',
      code: '1-430.10',
      display: 'Endoskopische Biopsie an respiratorischen Organen: Bronchus: Zangenbiopsie',
      performedStart: '2024-02-27T09:15:00.000Z',
      performedEnd: null,
      status: 'completed',
    });
    expect(mapProcedure(resourceAt<Procedure>(bundle, 18), path).row).toMatchObject({
      category: 'RADIOTHERAPY',
      codeSystem: 'http://snomed.info/sct',
      code: '1217123003',
      performedStart: '2024-03-18T07:00:00.000Z',
      performedEnd: '2024-03-22T07:30:00.000Z',
    });
  });

  it('refuses a procedure without a date', () => {
    const { row, issues } = mapProcedure(procedure({ code: { text: 'Lobektomie' }, performedDateTime: undefined }), path);
    expect(row).toBeUndefined();
    expect(issues[0]?.expression).toEqual([`${path}.performed[x]`]);
  });
});

describe('procedureCategory', () => {
  it.each([
    [procedure({ code: snomed('86273004', 'Biopsy') }), 'BIOPSY'],
    [procedure({ code: snomed('173171007', 'Lobectomy of lung'), category: snomed('387713003') }), 'SURGERY'],
    [procedure({ code: snomed('1217123003') }), 'RADIOTHERAPY'],
    [procedure({ code: snomed('423827005') }), 'ENDOSCOPY'],
    [procedure({ code: ops('5-324.21', 'Einfache Lobektomie und Bilobektomie der Lunge') }), 'SURGERY'],
    [procedure({ code: ops('8-522.91') }), 'RADIOTHERAPY'],
    [procedure({ code: ops('1-620.00', 'Diagnostische Tracheobronchoskopie') }), 'ENDOSCOPY'],
    [procedure({ code: ops('1-502.4') }), 'BIOPSY'],
    [procedure({ code: ops('3-222', 'Computertomographie des Thorax mit Kontrastmittel') }), 'OTHER'],
    [procedure({ meta: { profile: ['http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-related-surgical-procedure'] }, code: { text: 'x' } }), 'SURGERY'],
    [procedure({ code: { text: 'CT-gesteuerte Stanzbiopsie Leber' } }), 'BIOPSY'],
    [procedure({ code: { text: 'Thoracoscopic lobectomy (VATS)' } }), 'SURGERY'],
    [procedure({ code: { text: 'Koloskopie' } }), 'ENDOSCOPY'],
    [procedure({ code: { text: 'Transarterielle Chemoembolisation' } }), 'INTERVENTION'],
    [procedure({ code: { text: 'Beratungsgespräch' } }), 'OTHER'],
  ])('%#: %j is %s', (p, category) => {
    expect(procedureCategory(p)).toBe(category);
  });

  it('prefers the more specific code: a surgical biopsy is a biopsy', () => {
    expect(procedureCategory(procedure({ code: snomed('86273004'), category: snomed('387713003') }))).toBe('BIOPSY');
  });
});
