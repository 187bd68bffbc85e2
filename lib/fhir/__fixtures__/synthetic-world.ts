// A deterministic synthetic world of oncology patients as one FHIR Bundle, for
// measuring the importer: per patient a Patient, a primary cancer and a comorbidity,
// TNM staging, ECOG, `labDays` days of a 10-analyte lab panel, two reports, two
// procedures, two drugs and a CT study (about 95 resources with the default 8 days).
// Every patient is marked synthetic (HTEST and the Konsil tag).
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';

const H = 'https://hospital.example.org/fhir/sid';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

const PANEL = [
  ['718-7', 'Hemoglobin [Mass/volume] in Blood', 'g/dL', 12, 16],
  ['6690-2', 'Leukocytes [#/volume] in Blood by Automated count', '10*3/uL', 3.9, 10.2],
  ['777-3', 'Platelets [#/volume] in Blood by Automated count', '10*3/uL', 150, 400],
  ['2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'mg/dL', 0.5, 1.1],
  ['1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 'U/L', 0, 35],
  ['1920-8', 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 'U/L', 0, 35],
  ['1975-2', 'Bilirubin.total [Mass/volume] in Serum or Plasma', 'mg/dL', 0.1, 1.2],
  ['2532-0', 'Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma', 'U/L', 0, 250],
  ['1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma', 'mg/L', 0, 5],
  ['2039-6', 'Carcinoembryonic Ag [Mass/volume] in Serum or Plasma', 'ng/mL', 0, 5],
] as const;

export function syntheticWorld(options: { patients: number; labDays?: number; type?: 'batch' | 'collection' | 'transaction'; seed?: number }): Bundle {
  const labDays = options.labDays ?? 8;
  const entry: BundleEntry[] = [];
  let uuid = 0;
  const add = (resource: Resource) => {
    uuid += 1;
    const fullUrl = `urn:uuid:00000000-0000-4000-8000-${String(uuid).padStart(12, '0')}`;
    entry.push({ fullUrl, resource, request: { method: 'POST', url: resource.resourceType } });
    return fullUrl;
  };
  const seed = options.seed ?? 1;
  for (let p = 0; p < options.patients; p++) {
    const n = `${seed}${String(p).padStart(6, '0')}`;
    const patient = add({
      resourceType: 'Patient',
      id: `w${n}`,
      meta: {
        source: 'https://kis.hospital.example.org/fhir',
        security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST' }],
        tag: [{ system: 'urn:konsil:tag', code: 'synthetic' }],
      },
      identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, system: `${H}/mrn`, value: `SYN-W${n}` }],
      name: [{ use: 'official', family: `Testperson${p}`, given: ['Alex'] }],
      gender: p % 2 === 0 ? 'female' : 'male',
      birthDate: `19${40 + (p % 50)}-0${1 + (p % 9)}-1${p % 10}`,
    });
    const subject = { reference: patient };
    const id = (kind: string, i: number) => [{ system: `${H}/${kind}`, value: `${kind.toUpperCase()}-${n}-${i}` }];
    add({
      resourceType: 'Condition',
      meta: { profile: ['http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition'] },
      identifier: id('condition', 1),
      code: { coding: [{ system: 'http://fhir.de/CodeSystem/bfarm/icd-10-gm', code: 'C34.1', display: 'Bösartige Neubildung: Oberlappen (-Bronchus)' }] },
      extension: [
        {
          url: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior',
          valueCodeableConcept: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/icd-o-3', code: '8140/3' }] },
        },
      ],
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      subject,
      onsetDateTime: '2024-02-20',
    });
    add({ resourceType: 'Condition', identifier: id('condition', 2), code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I10', display: 'Essential hypertension' }] }, subject });
    for (const [i, [code, value]] of ([['21905-5', 'T2a'], ['21906-3', 'N1'], ['21907-1', 'M0'], ['21908-9', 'IIB']] as const).entries()) {
      add({
        resourceType: 'Observation',
        identifier: id('staging', i),
        status: 'final',
        code: { coding: [{ system: LOINC, code }] },
        subject,
        effectiveDateTime: '2024-03-06',
        valueCodeableConcept: { coding: [{ system: 'https://www.uicc.org/resources/tnm', code: value, display: value }] },
      });
    }
    add({ resourceType: 'Observation', identifier: id('ecog', 1), status: 'final', code: { coding: [{ system: LOINC, code: '89247-1' }] }, subject, effectiveDateTime: '2024-03-06', valueInteger: p % 3 });
    for (let day = 0; day < labDays; day++) {
      const when = new Date(Date.UTC(2024, 2, 4 + day * 14, 7, 30)).toISOString();
      PANEL.forEach(([code, display, unit, low, high], a) => {
        const value = Math.round((low + ((high - low) * ((p * 7 + day * 3 + a * 11) % 13)) / 10) * 10) / 10;
        add({
          resourceType: 'Observation',
          identifier: id('lab', day * PANEL.length + a),
          status: 'final',
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
          code: { coding: [{ system: LOINC, code, display }] },
          subject,
          effectiveDateTime: when,
          valueQuantity: { value, unit, system: UCUM, code: unit },
          referenceRange: [{ low: { value: low, unit, system: UCUM, code: unit }, high: { value: high, unit, system: UCUM, code: unit } }],
          interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: value > high ? 'H' : value < low ? 'L' : 'N' }] }],
        });
      });
    }
    const text = Buffer.from(`Befund ${n}: Adenokarzinom der Lunge, TTF-1 positiv, PD-L1 TPS ${p % 100} %.`).toString('base64');
    add({
      resourceType: 'DiagnosticReport',
      identifier: id('path', 1),
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'SP' }] }],
      code: { coding: [{ system: LOINC, code: '11526-1', display: 'Pathology study' }] },
      subject,
      issued: '2024-02-28T14:05:00+01:00',
      presentedForm: [{ contentType: 'text/plain', data: text }],
    });
    add({
      resourceType: 'DiagnosticReport',
      identifier: id('rad', 1),
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD' }] }],
      code: { coding: [{ system: LOINC, code: '24627-2', display: 'Chest CT' }] },
      subject,
      issued: '2024-03-01T16:45:00+01:00',
      conclusion: 'Rundherd rechter Oberlappen 3,1 cm, hiläre Lymphknoten rechts.',
    });
    add({
      resourceType: 'Procedure',
      identifier: id('proc', 1),
      status: 'completed',
      code: { coding: [{ system: 'http://fhir.de/CodeSystem/bfarm/ops', code: '1-430.10', display: 'Endoskopische Biopsie: Bronchus' }] },
      subject,
      performedDateTime: '2024-02-27T10:15:00+01:00',
    });
    add({
      resourceType: 'Procedure',
      identifier: id('proc', 2),
      status: 'completed',
      category: { coding: [{ system: 'http://snomed.info/sct', code: '387713003' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '173171007', display: 'Lobectomy of lung' }] },
      subject,
      performedDateTime: '2024-04-15T08:00:00+02:00',
    });
    for (const [i, [atc, name]] of ([['L01XA02', 'carboplatin'], ['L01BA04', 'pemetrexed']] as const).entries()) {
      add({
        resourceType: 'MedicationStatement',
        identifier: id('med', i),
        status: 'completed',
        medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: atc, display: name }] },
        subject,
        effectivePeriod: { start: '2024-05-06', end: '2024-07-29' },
      });
    }
    add({
      resourceType: 'ImagingStudy',
      identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:1.2.826.0.1.3680043.8.498.9${n}` }],
      status: 'available',
      subject,
      started: '2024-03-01T11:02:00+01:00',
      modality: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' }],
      description: 'CT Thorax mit KM',
    });
  }
  return { resourceType: 'Bundle', type: options.type ?? 'batch', entry };
}
