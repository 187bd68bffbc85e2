import { CaseTable } from '@/components/cases/case-table';
import type { Actor } from '@/lib/authz/actor';
import { listCases } from '@/lib/db/cases';

export async function MyCasesPanel({ actor, timeZone }: { actor: Actor; timeZone: string }) {
  const cases = await listCases({ actor, mine: true, take: 20 });
  return <CaseTable cases={cases} timeZone={timeZone} caption="Cases you referred" />;
}
