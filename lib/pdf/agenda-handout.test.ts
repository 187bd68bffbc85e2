import { describe, expect, it } from 'vitest';
import { computeCompleteness } from '@/lib/preparation/completeness';
import type { MeetingPreparationDto, PreparedCaseDto } from '@/lib/schemas/meeting-preparation';
import { renderAgendaHandout } from './agenda-handout';
import { pdfText } from './pdf-text';

const now = new Date('2026-11-27T12:00:00Z');

function item(n: number, overrides: Partial<PreparedCaseDto> = {}): PreparedCaseDto {
  return {
    itemId: `i${n}`,
    caseId: `c${n}`,
    position: n,
    minutes: 5,
    status: 'PLANNED',
    statusReason: null,
    patient: { displayName: `Muster, Case${n}`, mrn: `SYN-00${n}`, pseudonym: `PSN-${n}`, ageYears: 61, sex: 'FEMALE', isSynthetic: true },
    entity: 'LUNG',
    question: 'Adjuvant therapy? <script>alert(1)</script>',
    tnm: 'cT2a cN2 cM0',
    stageGroup: 'IIIA',
    ecog: 'ECOG 1',
    referrer: { id: 'u1', name: 'Dr. Referrer' },
    presenter: null,
    completeness: computeCompleteness(
      { entity: 'LUNG', newestImaging: null, newestPathologyReport: null, tnm: null, stageGroup: null, newestLabAt: new Map(), models: [], reviewsDone: new Set() },
      now,
    ),
    reviews: [],
    change: null,
    ...overrides,
  };
}

const data = (items: PreparedCaseDto[]): MeetingPreparationDto => ({
  meeting: {
    id: 'm1',
    boardId: 'b1',
    boardName: 'Thoracic board',
    timeZone: 'Europe/Berlin',
    startsAt: '2026-12-01T15:00:00.000Z',
    durationMinutes: 90,
    location: 'Room 3',
    status: 'SCHEDULED',
    agendaVersion: 2,
    agendaPublishedAt: null,
    publishedRevision: null,
    handout: null,
  },
  items,
  removed: [],
});

describe('renderAgendaHandout', () => {
  it('renders a PDF whose subject names the case count', async () => {
    const pdf = await renderAgendaHandout(data([item(1), item(2, { status: 'POSTPONED', statusReason: 'PET pending' }), item(3)]), 1, now);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('Agenda handout, 3 cases');
  }, 30_000);

  it('renders an empty agenda', async () => {
    const pdf = await renderAgendaHandout(data([]), 2, now);
    expect(pdf.toString('latin1')).toContain('Agenda handout, 0 cases');
  }, 30_000);

  it('prints names and questions outside WinAnsi as written', async () => {
    const unicode = '≤ ≥ → × Δ µ Łukasz Wąsowski Ölçer';
    const pdf = await renderAgendaHandout(
      data([item(1, { patient: { ...item(1).patient, displayName: 'Wąsowski, Łukasz' }, question: `Re-challenge at ECOG ≤ 1? ${unicode}`, referrer: { id: 'u2', name: 'Dr. Ölçer' } })]),
      1,
      now,
    );
    const text = pdfText(pdf).replace(/\n/g, '');
    expect(text).toContain('1. Wąsowski, Łukasz · MRN SYN-001');
    expect(text).toContain(`Question: Re-challenge at ECOG ≤ 1? ${unicode}`);
    expect(text).toContain('Referred by Dr. Ölçer');
    expect(text).not.toContain('\uFFFD');
  }, 30_000);
});
