'use client';
// Upload FHIR bundles, DICOM files or a DICOM folder (with or without DICOMDIR).
// Posts multipart to /api/imports, which stages the files and queues a job; the
// job list below shows its progress. File names carry the folder-relative path so
// DICOMDIR references resolve on the server.
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { queryKeys } from '@/lib/queries/keys';

type Mode = 'fhir' | 'dicom-files' | 'dicom-folder';

const modes: { value: Mode; label: string; hint: string }[] = [
  { value: 'fhir', label: 'FHIR R4 JSON', hint: 'Bundles (transaction, batch, collection) or single resources, one or more .json files.' },
  { value: 'dicom-files', label: 'DICOM files', hint: 'One or more DICOM Part 10 files.' },
  { value: 'dicom-folder', label: 'DICOM folder or CD', hint: 'A whole folder, e.g. a CD with a DICOMDIR.' },
];

export function ImportUploadForm() {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('fhir');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const current = modes.find((m) => m.value === mode)!;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    setFieldErrors({});
    const files = Array.from(fileInput.current?.files ?? []);
    if (files.length === 0) {
      setFieldErrors({ files: ['Choose at least one file.'] });
      return;
    }
    const form = new FormData();
    // Fields first: the server reads the stream in order.
    form.append('kind', mode === 'fhir' ? 'FHIR' : 'DICOM');
    const patientMrn = (new FormData(event.currentTarget).get('patientMrn') as string | null)?.trim();
    if (mode !== 'fhir' && patientMrn) form.append('patientMrn', patientMrn);
    for (const file of files) form.append('files', file, file.webkitRelativePath || file.name);
    setBusy(true);
    try {
      const response = await fetch('/api/imports', { method: 'POST', body: form });
      const body = (await response.json().catch(() => ({}))) as { id?: string; message?: string; fieldErrors?: Record<string, string[]> };
      if (!response.ok) {
        setMessage({ tone: 'error', text: body.message ?? `The upload was refused (${response.status}).` });
        setFieldErrors(body.fieldErrors ?? {});
        return;
      }
      setMessage({ tone: 'success', text: `Uploaded ${files.length} file(s). The import runs in the background; its progress is listed below.` });
      if (fileInput.current) fileInput.current.value = '';
      await queryClient.invalidateQueries({ queryKey: queryKeys.importJobs() });
    } catch {
      setMessage({ tone: 'error', text: 'The upload did not reach the server. Check the connection and try again.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Upload for import">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">What are you importing?</legend>
        <div className="flex flex-wrap gap-4">
          {modes.map((m) => (
            <label key={m.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="mode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} />
              {m.label}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="import-files" label={mode === 'dicom-folder' ? 'Folder' : 'Files'} hint={current.hint} errors={fieldErrors.files}>
        {(describedBy, invalid) => (
          <Input
            // Remount when the mode changes: the folder attribute cannot be toggled on a live input.
            key={mode}
            ref={fileInput}
            id="import-files"
            name="files"
            type="file"
            multiple
            accept={mode === 'fhir' ? '.json,application/json,application/fhir+json' : undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            {...(mode === 'dicom-folder' ? { webkitdirectory: '' } : {})}
          />
        )}
      </Field>
      {mode !== 'fhir' && (
        <Field
          id="import-patient"
          label="For patient (MRN, optional)"
          hint="Link every image to this Konsil patient instead of the Patient ID in the files, e.g. for outside images."
          errors={fieldErrors.patientMrn}
        >
          {(describedBy, invalid) => (
            <Input id="import-patient" name="patientMrn" autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid || undefined} className="max-w-xs" />
          )}
        </Field>
      )}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Button type="submit" disabled={busy}>
        {busy ? 'Uploading…' : 'Upload and import'}
      </Button>
    </form>
  );
}
