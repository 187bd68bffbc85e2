import { ImportJobList } from '@/components/imports/import-job-list';
import { ImportUploadForm } from '@/components/imports/import-upload-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { guardPage } from '@/lib/authz/guard-page';
import { listImportJobs } from '@/lib/db/import-jobs';
import { getEnv } from '@/lib/env';

export const metadata = { title: 'Import data' };

export default async function ImportsPage() {
  const actor = await guardPage('/imports');
  const jobs = await listImportJobs({ actor });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import data"
        description="Bring in clinical data as FHIR R4 and images as DICOM. Imports run in the background; importing the same data again changes nothing."
      />
      <Card title="Upload">
        <ImportUploadForm />
      </Card>
      <Card title="Recent imports">
        <ImportJobList initialJobs={jobs} timeZone={getEnv().KONSIL_TIME_ZONE} />
      </Card>
    </div>
  );
}
