// The case protocol: the letter to the referring clinician with the board's signed decision.
// Everything in it comes from DecisionExportData (lib/fhir/export/export-input.ts), the same
// load the FHIR export maps, so the letter and the FHIR Bundle cannot disagree. The newest signed
// version is the letter's content; the amendment history lists every version. Rendered
// server-side; the Subject carries the decision version and content hash, so tests and readers
// can check which version a file holds without parsing the page.
import 'server-only';
import { Document, Page, Text, View, renderToBuffer } from '@react-pdf/renderer';
import type { DecisionExportData } from '@/lib/fhir/export/export-input';
import { specialtyLabel } from '@/lib/fhir/export/practitioner-resource';
import { formatDate, formatDateTime } from '@/lib/format/date';
import { intentLabels } from '@/lib/decisions/decision-labels';
import { codeSystemName, guidelineText, recommendationHeading, recommendationLines, shortSha } from '@/lib/protocols/describe-decision';
import { registerPdfFonts } from './fonts';
import { protocolStyles as s } from './protocol-styles';

const markLabel = { CONSIDERED: 'considered', DISAGREE: 'disagreed' } as const;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text style={s.line}>
      <Text style={s.label}>{label}: </Text>
      {children}
    </Text>
  );
}

function person(p: { name: string; title: string | null; specialty?: string | null }): string {
  const name = p.title && !p.name.startsWith(p.title) ? `${p.title} ${p.name}` : p.name;
  return p.specialty ? `${name} (${specialtyLabel(p.specialty)})` : name;
}

export function CaseProtocol({ data, generatedAt }: { data: DecisionExportData; generatedAt: Date }) {
  const { version, patient, board } = data;
  const c = version.content;
  const tz = board.timeZone;
  const name = `${patient.familyName}, ${patient.givenName}`;
  return (
    <Document
      title={`Tumor board decision: ${name}`}
      subject={`Case protocol, decision version ${version.number}, content sha256 ${version.contentSha256}`}
      author="Konsil"
      creator="Konsil"
      producer="Konsil"
    >
      <Page size="A4" style={s.page}>
        <View style={s.letterhead}>
          <Text style={s.board}>{board.name}</Text>
          <Text style={s.muted}>Recommendation of the multidisciplinary tumor board</Text>
        </View>
        <Field label="To">{person(data.case.referrer)}</Field>
        <Field label="Patient">
          {name}, born {patient.birthDate ? formatDate(patient.birthDate) : 'unknown'}, MRN {patient.mrn}
        </Field>
        {patient.isSynthetic && <Text style={s.synthetic}>SYNTHETIC DEMO PATIENT (invented data, not a real person)</Text>}
        <Field label="Diagnosis">
          {data.case.icd10Code ? `${data.case.icd10Code}${data.case.icd10Display ? ` ${data.case.icd10Display}` : ''}` : 'ICD-10 not given'} · {data.case.entity.replaceAll('_', ' ').toLowerCase()}
        </Field>
        <Field label="Question">{data.case.question}</Field>
        <Field label="Meeting">{data.meeting ? `${formatDateTime(data.meeting.startsAt, tz)} (${tz})${data.meeting.location ? `, ${data.meeting.location}` : ''}` : 'outside a meeting'}</Field>
        <Field label="Present">{data.attendees.length ? data.attendees.map(person).join('; ') : 'not recorded'}</Field>

        <Text style={s.heading}>
          Decision{version.number > 1 ? ' ' : ''}
          {version.number > 1 && <Text style={s.amended}>(Amended: version {version.number})</Text>}
        </Text>
        <Field label="Treatment intent">{c.intent ? intentLabels[c.intent] : 'not given'}</Field>
        {c.recommendations.map((r, i) => (
          <View key={r.id} style={s.block} wrap={false}>
            <Text style={s.label}>
              {i + 1}. {recommendationHeading(r)}
            </Text>
            {recommendationLines(r).map((line, j) => (
              <Text key={j} style={s.indent}>
                {line}
              </Text>
            ))}
          </View>
        ))}
        <Field label="Guideline">{guidelineText(c.guideline)}</Field>
        {c.guideline.deviates && <Field label="Deviation from the guideline">{c.guideline.deviationReason}</Field>}
        {c.trial.considered && <Field label="Clinical trial considered">{c.trial.id || 'yes'}</Field>}
        {c.patientPreference && <Field label="Patient preference">{c.patientPreference}</Field>}
        <Field label="Rationale">{c.rationale || 'not given'}</Field>
        {c.dissents.map((d, i) => (
          <Field key={i} label={`Dissent (${d.name})`}>
            {d.statement}
          </Field>
        ))}

        {data.considered.length === 0 && <Field label="Model outputs considered">none</Field>}
        {data.considered.length > 0 && (
          <View wrap={false}>
            <Text style={s.heading}>Model outputs considered</Text>
            <Text style={s.disclaimer}>Decision-support models are for research use only; they do not replace the board&apos;s judgement.</Text>
            {data.considered.map((r) => (
              <View key={r.resultId} style={s.block}>
                <Text>
                  <Text style={s.label}>
                    {r.modelName} {r.semver}
                  </Text>{' '}
                  (model file sha256 {shortSha(r.modelFileSha256)}): {r.summary}
                </Text>
                <Text style={s.indent}>
                  Clinician&apos;s mark: {r.mark ? markLabel[r.mark] : 'not marked'}
                  {r.reason ? `: ${r.reason}` : ''}
                </Text>
              </View>
            ))}
          </View>
        )}

        <Text style={s.heading}>Signature</Text>
        <Field label="Signed by">
          {person(version.signedBy)}, {formatDateTime(version.signedAt, tz)}
        </Field>
        <Field label="Version">
          {version.number} · content sha256 {version.contentSha256}
        </Field>
        {data.history.length > 1 && (
          <View style={s.block}>
            <Text style={s.label}>Amendment history</Text>
            {data.history.map((h) => (
              <Text key={h.number} style={s.indent}>
                Version {h.number}: {person(h.signedBy)}, {formatDateTime(h.signedAt, tz)}
                {h.amendmentReason ? `: ${h.amendmentReason}` : ' (first signature)'} · sha256 {shortSha(h.contentSha256)}
              </Text>
            ))}
          </View>
        )}
        <Text style={s.heading}>Follow-up</Text>
        <Text>
          {data.followUp
            ? `${person(data.followUp.owner)} confirms by ${formatDate(data.followUp.dueOn)} whether the recommendation was carried out.`
            : 'No follow-up task.'}
        </Text>
        <Text style={[s.muted, s.block]}>Codes: {[...new Set(c.recommendations.flatMap((r) => r.codes.map((x) => codeSystemName(x.system))))].join(', ') || 'none'}.</Text>
        <View style={s.footer} fixed>
          <Text>
            Konsil case protocol · {name} · generated {generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
          </Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export async function renderCaseProtocol(data: DecisionExportData, generatedAt: Date = new Date()): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<CaseProtocol data={data} generatedAt={generatedAt} />);
}
