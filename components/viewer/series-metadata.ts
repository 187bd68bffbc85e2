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

/** Same-origin path of a series' metadata (also what the panel preloads during server rendering). */
export function seriesMetadataPath(studyUid: string, seriesUid: string): string {
  return `/api/dicomweb/studies/${studyUid}/series/${seriesUid}/metadata`;
}

const requests = new Map<string, Promise<DicomJsonInstance[]>>();

async function fetchSeriesMetadata(studyUid: string, seriesUid: string): Promise<DicomJsonInstance[]> {
  // No Accept header (the server answers */* with DICOM JSON): a request with other headers
  // than the <link rel=preload> the panel emits would not pick up the preloaded response.
  const response = await fetch(seriesMetadataPath(studyUid, seriesUid), { credentials: 'same-origin' });
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
