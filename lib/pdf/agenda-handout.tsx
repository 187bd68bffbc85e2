// The agenda handout: a PDF with the meeting's header and, per case, who the patient is
// (with a "SYNTHETIC" mark for demo patients), entity, TNM/stage/ECOG, the question to the
// board and how ready the case is. Rendered server-side with @react-pdf/renderer (its own
// React renderer; kept out of the Next bundle by serverExternalPackages in next.config.ts).
// The PDF's Subject names the case count, so a test (or a person) can check it without
// parsing the page content.
import 'server-only';
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { formatDateTime } from '@/lib/format/date';
import type { MeetingPreparationDto, PreparedCaseDto } from '@/lib/schemas/meeting-preparation';
import { PDF_FONT_FAMILY, bold, registerPdfFonts } from './fonts';

const styles = StyleSheet.create({
  page: { padding: 36, paddingBottom: 48, fontSize: 10, fontFamily: PDF_FONT_FAMILY, color: '#0f172a' },
  title: { fontSize: 16, ...bold, marginBottom: 4 },
  subtitle: { fontSize: 10, color: '#475569', marginBottom: 2 },
  case: { borderTop: '1pt solid #cbd5e1', paddingTop: 8, marginTop: 8 },
  caseHead: { flexDirection: 'row', justifyContent: 'space-between' },
  name: { fontSize: 11, ...bold },
  synthetic: { fontSize: 8, color: '#92400e', ...bold },
  label: { ...bold },
  line: { marginTop: 2 },
  postponed: { color: '#b91c1c', ...bold },
  footer: { position: 'absolute', bottom: 20, left: 36, right: 36, fontSize: 8, color: '#64748b', flexDirection: 'row', justifyContent: 'space-between' },
});

const sexLabel: Record<string, string> = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'sex unknown' };

function CaseBlock({ item, place }: { item: PreparedCaseDto; place: number }) {
  const c = item.completeness;
  const missing = c.items.filter((i) => i.state === 'missing');
  return (
    <View style={styles.case} wrap={false}>
      <View style={styles.caseHead}>
        <Text style={styles.name}>
          {place}. {item.patient.displayName} · MRN {item.patient.mrn}
        </Text>
        <Text>{item.minutes} min</Text>
      </View>
      {item.patient.isSynthetic && <Text style={styles.synthetic}>SYNTHETIC PATIENT (invented demo data, not a real person)</Text>}
      {item.status === 'POSTPONED' && <Text style={styles.postponed}>POSTPONED{item.statusReason ? `: ${item.statusReason}` : ''}</Text>}
      <Text style={styles.line}>
        {item.patient.ageYears === null ? 'age unknown' : `${item.patient.ageYears} y`}, {sexLabel[item.patient.sex] ?? item.patient.sex} · {item.entity.replaceAll('_', ' ').toLowerCase()}
      </Text>
      <Text style={styles.line}>
        <Text style={styles.label}>TNM </Text>
        {item.tnm ?? 'not recorded'} · <Text style={styles.label}>Stage </Text>
        {item.stageGroup ?? 'not recorded'} · <Text style={styles.label}>ECOG </Text>
        {item.ecog ?? 'not recorded'}
      </Text>
      <Text style={styles.line}>
        <Text style={styles.label}>Question: </Text>
        {item.question}
      </Text>
      <Text style={styles.line}>
        <Text style={styles.label}>Readiness: </Text>
        {c.ok}/{c.applicable}
        {missing.length ? ` (missing: ${missing.map((m) => `${m.label}: ${m.reason}`).join('; ')})` : ' (complete)'}
      </Text>
      <Text style={styles.line}>Referred by {item.referrer.name}{item.presenter ? ` · presented by ${item.presenter.name}` : ''}</Text>
    </View>
  );
}

export function AgendaHandout({ data, revision, generatedAt }: { data: MeetingPreparationDto; revision: number; generatedAt: Date }) {
  const { meeting, items } = data;
  const when = formatDateTime(meeting.startsAt, meeting.timeZone);
  const total = items.filter((i) => i.status !== 'POSTPONED').reduce((sum, i) => sum + i.minutes, 0);
  return (
    <Document
      title={`Agenda: ${meeting.boardName}, ${when}`}
      subject={`Agenda handout, ${items.length} ${items.length === 1 ? 'case' : 'cases'}`}
      author="Konsil"
      creator="Konsil"
      producer="Konsil"
    >
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{meeting.boardName}</Text>
        <Text style={styles.subtitle}>
          {when} ({meeting.timeZone}) · {meeting.durationMinutes} min{meeting.location ? ` · ${meeting.location}` : ''}
        </Text>
        <Text style={styles.subtitle}>
          Agenda revision {revision} · {items.length} {items.length === 1 ? 'case' : 'cases'} · {total} of {meeting.durationMinutes} min planned
        </Text>
        <Text style={styles.subtitle}>Confidential: patient data for the members of this board only.</Text>
        {items.map((item, i) => (
          <CaseBlock key={item.itemId} item={item} place={i + 1} />
        ))}
        <View style={styles.footer} fixed>
          <Text>Konsil agenda handout · generated {generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export async function renderAgendaHandout(data: MeetingPreparationDto, revision: number, generatedAt: Date = new Date()): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<AgendaHandout data={data} revision={revision} generatedAt={generatedAt} />);
}
