// WADO-RS series metadata from Konsil's DICOMweb endpoint with the user's session,
// fetched once per series and page. No cornerstone import: the panel starts the
// request for the first series while the viewer's JavaScript is still downloading.

export type DicomJsonInstance = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

export class SeriesLoadError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export function dicomwebRoot(): string {
  return `${window.location.origin}/api/dicomweb`;
}

const requests = new Map<string, Promise<DicomJsonInstance[]>>();

async function fetchSeriesMetadata(studyUid: string, seriesUid: string): Promise<DicomJsonInstance[]> {
  const response = await fetch(`${dicomwebRoot()}/studies/${studyUid}/series/${seriesUid}/metadata`, {
    headers: { accept: 'application/dicom+json' },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const what = response.status === 404 ? 'The series was not found (or you may not see it).' : `The image server answered ${response.status}.`;
    throw new SeriesLoadError(what, response.status);
  }
  return (await response.json()) as DicomJsonInstance[];
}

/** The series' instances as DICOM JSON; concurrent callers share one request, a failed one is retried next time. */
export function seriesMetadata(studyUid: string, seriesUid: string): Promise<DicomJsonInstance[]> {
  let pending = requests.get(seriesUid);
  if (!pending) {
    pending = fetchSeriesMetadata(studyUid, seriesUid);
    requests.set(seriesUid, pending);
    pending.catch(() => requests.delete(seriesUid));
  }
  return pending;
}

export function forgetSeriesMetadata(): void {
  requests.clear();
}
