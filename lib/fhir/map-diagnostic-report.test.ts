import type { DiagnosticReport } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { nsclcTransaction, resourceAt } from './__fixtures__/load-fixture';
import { htmlToText } from './html-to-text';
import { mapDiagnosticReport } from './map-diagnostic-report';

const path = 'Bundle.entry[15].resource';
const base64 = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding).toString('base64');
const report = (overrides: Partial<DiagnosticReport>): DiagnosticReport => ({ resourceType: 'DiagnosticReport', status: 'final', code: { text: 'Befund' }, issued: '2024-01-02T03:04:05Z', ...overrides });

describe('mapDiagnosticReport', () => {
  it('maps the pathology report: type, title, UTF-8 text from presentedForm, conclusion, author, date', () => {
    const { row, issues } = mapDiagnosticReport(resourceAt<DiagnosticReport>(nsclcTransaction(), 15), path);
    expect(issues).toEqual([]);
    expect(row).toMatchObject({
      type: 'PATHOLOGY',
      title: 'Histopathologischer Befund',
      loincCode: '11526-1',
      conclusion: 'Adenokarzinom der Lunge, PD-L1 TPS 60 %, EGFR/ALK/ROS1 negativ.',
      status: 'final',
      authorName: 'Institut für Pathologie, Dr. med. E. Nowak',
      issuedAt: '2024-02-28T13:05:00.000Z',
    });
    expect(row?.text).toMatch(/^Pathologie-Befund \(Eingangsnummer E-2024-08812\)\n\nMaterial:/);
    expect(row?.text).toContain('mäßig differenzierten');
  });

  it('stores HTML as plain text with a warning, and skips a PDF given by URL with a warning', () => {
    const { row, issues } = mapDiagnosticReport(resourceAt<DiagnosticReport>(nsclcTransaction(), 16), path);
    expect(row?.type).toBe('RADIOLOGY');
    expect(row?.text).not.toMatch(/[<>]\w|alert|color:red/);
    expect(row?.text).toContain('Spiculierter Rundherd im rechten Oberlappen, 4,2 cm.');
    expect(row?.text).toContain('- Osteolyse Os ilium links\n- Keine Lebermetastasen');
    expect(issues.map((i) => [i.severity, i.expression?.[0]])).toEqual([
      ['warning', `${path}.presentedForm[1]`],
      ['warning', `${path}.presentedForm`],
    ]);
  });

  it.each([
    [[{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD' }], undefined, 'RADIOLOGY'],
    [[{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'PAT' }], undefined, 'PATHOLOGY'],
    [[{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'CP' }], undefined, 'PATHOLOGY'],
    [[{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'GE' }], undefined, 'MOLECULAR'],
    [[{ system: 'http://loinc.org', code: 'LP29684-5' }], undefined, 'RADIOLOGY'],
    [[], '51969-4', 'MOLECULAR'],
    [[], '18748-4', 'RADIOLOGY'],
    [[], '11504-8', 'SURGICAL'],
    [[], '18842-5', 'CLINICAL_NOTE'],
    [[{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }], '11502-2', 'OTHER'],
  ])('category %j with code %s is %s', (category, loinc, type) => {
    const { row } = mapDiagnosticReport(
      report({ category: [{ coding: category }], code: { coding: loinc ? [{ system: 'http://loinc.org', code: loinc }] : [], text: 'x' }, conclusion: 'c' }),
      path,
    );
    expect(row?.type).toBe(type);
  });

  it('honours a declared charset and falls back to the conclusion when there is no readable body', () => {
    const latin1 = report({ presentedForm: [{ contentType: 'text/plain; charset=ISO-8859-1', data: base64('Größe 3 cm', 'latin1') }] });
    expect(mapDiagnosticReport(latin1, path).row?.text).toBe('Größe 3 cm');
    const onlyConclusion = report({ conclusion: 'Kein Malignitätsnachweis', presentedForm: [{ contentType: 'application/pdf', data: base64('%PDF') }] });
    const { row, issues } = mapDiagnosticReport(onlyConclusion, path);
    expect(row?.text).toBe('Kein Malignitätsnachweis');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('refuses a report without text or date', () => {
    const { row, issues } = mapDiagnosticReport(report({ issued: undefined }), path);
    expect(row).toBeUndefined();
    expect(issues.map((i) => i.expression?.[0])).toEqual([`${path}.presentedForm`, `${path}.issued`]);
  });
});

describe('htmlToText', () => {
  it('drops tags, scripts, styles and comments, keeps the words, decodes references', () => {
    const html = '<div><h1>Befund</h1><!-- intern --><p>A&amp;B &lt;3&gt; &#x2264; 5&nbsp;mm &#246;</p><script>steal()</script><style>p{}</style>' +
      '<table><tr><td>ER</td><td>90 %</td></tr></table><img src=x onerror=alert(1)>Ende</div>';
    expect(htmlToText(html)).toBe('Befund\n\nA&B <3> ≤ 5 mm ö\n\nER   90 %\n\nEnde');
  });

  it('leaves unknown entities and stray angle brackets as text', () => {
    expect(htmlToText('a &unknown; b < c')).toBe('a &unknown; b < c');
  });
});
