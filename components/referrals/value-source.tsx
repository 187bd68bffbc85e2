import { formatDate } from '@/lib/format/date';

export interface ValueSource {
  kind: 'observation' | 'condition' | 'confirmed-fact' | 'referrer';
  date: string | null;
  reportTitle?: string;
  confirmedBy?: string;
}

/** Where a TNM / stage / ECOG value came from, in words (the referral stores it with the value). */
export function sourceText(source: ValueSource, timeZone: string): string {
  const on = source.date ? ` of ${formatDate(source.date, timeZone)}` : '';
  switch (source.kind) {
    case 'observation':
      return `From the structured staging data${on}`;
    case 'condition':
      return `From the diagnosis record${on}`;
    case 'confirmed-fact':
      return `From “${source.reportTitle ?? 'a report'}”${on}, confirmed by ${source.confirmedBy ?? 'a clinician'}`;
    case 'referrer':
      return 'Entered by the referrer';
  }
}
