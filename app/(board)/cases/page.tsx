import { CaseTable } from '@/components/cases/case-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { listCases } from '@/lib/db/cases';
import { getEnv } from '@/lib/env';

export const metadata = { title: 'Cases' };

export default async function CasesPage() {
  const actor = await guardPage('/cases');
  const cases = await listCases({ actor, take: 100 });
  return (
    <>
      <PageHeader title="Cases" description="Cases you referred and cases of the boards you belong to." />
      <Card>
        <CaseTable cases={cases} timeZone={getEnv().KONSIL_TIME_ZONE} caption="Cases you may see" />
      </Card>
    </>
  );
}
