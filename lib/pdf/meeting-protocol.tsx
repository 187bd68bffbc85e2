// The meeting protocol: who met (attendance with join times, the quorum of the board's required
// specialties), and every agenda case in order with what became of it and its signed decision.
// The Subject names the case and signed-decision counts, so a test (or a reader) can check it.
import 'server-only';
import { Document, Page, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { specialtyLabel } from '@/lib/fhir/export/practitioner-resource';
import { formatDateTime } from '@/lib/format/date';
import { decisionSummary, shortSha } from '@/lib/protocols/describe-decision';
import type { MeetingProtocolData, MeetingProtocolItem, MeetingProtocolPerson } from '@/lib/protocols/meeting-protocol-data';
import { registerPdfFonts } from './fonts';
import { protocolStyles as s } from './protocol-styles';

const itemStatus: Record<string, string> = {
  PLANNED: 'not discussed',
  IN_DISCUSSION: 'in discussion when the protocol was made',
  DISCUSSED: 'discussed',
  DEFERRED: 'deferred',
  POSTPONED: 'postponed',
};

function person(p: MeetingProtocolPerson): string {
  const name = p.title && !p.name.startsWith(p.title) ? `${p.title} ${p.name}` : p.name;
  return p.specialty ? `${name} (${specialtyLabel(p.specialty)})` : name;
}

function time(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function Item({ item, timeZone }: { item: MeetingProtocolItem; timeZone: string }) {
  return (
    <View style={[s.block, { borderTop: '0.5pt solid #cbd5e1', paddingTop: 4 }]} wrap={false}>
      <Text style={s.label}>
        {item.position}. {item.patient.displayName} · MRN {item.patient.mrn}
      </Text>
      {item.patient.isSynthetic && <Text style={s.synthetic}>SYNTHETIC DEMO PATIENT</Text>}
      <Text style={s.line}>Question: {item.question}</Text>
      <Text style={s.line}>
        Status: {itemStatus[item.status] ?? item.status.toLowerCase()}
        {item.statusReason ? ` (${item.statusReason})` : ''}
      </Text>
      <Text style={s.line}>
        Decision:{' '}
        {item.decision
          ? `${decisionSummary(item.decision.content)} · signed by ${item.decision.signedBy}, ${formatDateTime(item.decision.signedAt, timeZone)}${item.decision.number > 1 ? ` · Amended: version ${item.decision.number}` : ''} · sha256 ${shortSha(item.decision.contentSha256)}`
          : 'no signed decision yet'}
      </Text>
    </View>
  );
}

export function MeetingProtocol({ data, generatedAt }: { data: MeetingProtocolData; generatedAt: Date }) {
  const { board, meeting, quorum } = data;
  const tz = board.timeZone;
  const signed = data.items.filter((i) => i.decision);
  return (
    <Document
      title={`Meeting protocol: ${board.name}, ${formatDateTime(meeting.startsAt, tz)}`}
      subject={`Meeting protocol, ${data.items.length} ${data.items.length === 1 ? 'case' : 'cases'}, ${signed.length} signed`}
      author="Konsil"
      creator="Konsil"
      producer="Konsil"
    >
      <Page size="A4" style={s.page}>
        <View style={s.letterhead}>
          <Text style={s.board}>{board.name}</Text>
          <Text style={s.muted}>Protocol of the meeting</Text>
        </View>
        <Text style={s.line}>
          <Text style={s.label}>Date: </Text>
          {formatDateTime(meeting.startsAt, tz)} ({tz}), {meeting.durationMinutes} min{meeting.location ? ` · ${meeting.location}` : ''}
        </Text>
        <Text style={s.line}>
          <Text style={s.label}>Chair: </Text>
          {data.chair ? person(data.chair) : 'no chair on the board'}
        </Text>
        <Text style={s.heading}>Attendance ({data.attendees.length})</Text>
        {data.attendees.length === 0 && <Text>No attendance was recorded.</Text>}
        {data.attendees.map((a, i) => (
          <Text key={i} style={s.indent}>
            {person(a)}, joined {time(a.joinedAt, tz)}
          </Text>
        ))}
        <Text style={s.line}>
          <Text style={s.label}>Quorum: </Text>
          {quorum.required.length === 0
            ? 'the board requires no specialties'
            : quorum.met
              ? `met (${quorum.required.map(specialtyLabel).join(', ')} present)`
              : `NOT met; missing: ${quorum.missing.map(specialtyLabel).join(', ')}`}
        </Text>
        <Text style={s.heading}>Cases ({data.items.length})</Text>
        {data.items.length === 0 && <Text>The agenda was empty.</Text>}
        {data.items.map((item) => (
          <Item key={item.position} item={item} timeZone={tz} />
        ))}
        <Text style={s.heading}>Signatures</Text>
        {signed.length === 0 && <Text>No decision of this meeting is signed yet.</Text>}
        {signed.map((item) => (
          <Text key={item.position} style={s.indent}>
            Case {item.position}: {item.decision!.signedBy}, {formatDateTime(item.decision!.signedAt, tz)}, version {item.decision!.number}
          </Text>
        ))}
        <View style={s.footer} fixed>
          <Text>Konsil meeting protocol · generated {generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
      </Page>
    </Document>
  );
}

export async function renderMeetingProtocol(data: MeetingProtocolData, generatedAt: Date = new Date()): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<MeetingProtocol data={data} generatedAt={generatedAt} />);
}
