import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReferralForm } from '@/components/referrals/referral-form';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { SyntheticBadge } from '@/components/ui/synthetic-badge';
import { guardPage } from '@/lib/authz/guard-page';
import { loadReferralForm, searchReferralPatients } from '@/lib/db/referrals/referral-form';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { idSchema, searchText } from '@/lib/schemas/common';

export const metadata = { title: 'Refer a case' };

/**
 * Referral in two steps, both in the URL: find the patient (?q=, among the patients the
 * clinician already sees; every patient listed is audited), then the form for one (?patient=).
 */
export default async function NewReferralPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await guardPage('/referrals/new');
  const params = await searchParams;
  const q = searchText(100).parse(params.q);
  const patientId = idSchema.optional().catch(undefined).parse(params.patient);
  const timeZone = getEnv().KONSIL_TIME_ZONE;

  if (patientId) {
    const form = await loadReferralForm({ actor, patientId }).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
      throw error;
    });
    return (
      <div className="space-y-6">
        <PageHeader
          title="Refer a case"
          description={`${form.patient.displayName} · MRN ${form.patient.mrn}${form.patient.birthDate ? ` · born ${form.patient.birthDate}` : ''}`}
          actions={
            <Button asChild variant="secondary">
              <Link href="/referrals/new">Choose another patient</Link>
            </Button>
          }
        />
        {form.patient.isSynthetic && <SyntheticBadge />}
        <Card>
          <ReferralForm form={form} timeZone={timeZone} />
        </Card>
      </div>
    );
  }

  const patients = q ? await searchReferralPatients({ actor, query: q }) : [];
  return (
    <div className="space-y-6">
      <PageHeader title="Refer a case" description="Find the patient by MRN or name. You can refer the patients whose cases you already see." />
      <Card>
        <form method="get" role="search" aria-label="Find the patient" className="flex flex-wrap items-end gap-3">
          <div className="grow space-y-1">
            <label htmlFor="q" className="block text-sm font-medium text-slate-800">
              MRN or name
            </label>
            <Input id="q" name="q" defaultValue={q ?? ''} maxLength={100} />
          </div>
          <Button type="submit">Search</Button>
        </form>
        {q && (
          <div className="mt-4">
            {patients.length === 0 ? (
              <p className="text-sm text-slate-600">No patient you may refer matches “{q}”.</p>
            ) : (
              <ul className="divide-y divide-slate-200" aria-label="Patients found">
                {patients.map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <span>
                      <span className="font-medium">{p.displayName}</span> · MRN {p.mrn}
                      {p.birthDate ? ` · born ${p.birthDate}` : ''} {p.isSynthetic && <SyntheticBadge />}
                    </span>
                    <Button asChild variant="secondary">
                      <Link href={`/referrals/new?patient=${p.id}`} prefetch={false} aria-label={`Refer ${p.displayName}`}>
                        Refer
                      </Link>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
