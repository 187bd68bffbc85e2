// The state of one import while its files stream in: outcomes in upload
// order, objects waiting to be stored (flushed in batches so a series is
// indexed with a few statements, not one per file), SOP Instance UIDs seen so
// far, and the DICOMDIRs read, to report files they list that never came.
import { sha256Hex } from '@/lib/storage/content-store';
import { dicomDirBase, type DicomDirIndex } from './dicomdir';
import { foreignIssuerReason, isLocalIssuer } from './local-issuers';
import type { DicomFileOutcome, DicomImportResult, DicomSource } from './import-types';
import { parseDicomFile } from './parse-dicom-file';
import { outcomeOf, storePending, type PendingObject, type StoreContext } from './store-pending';
import { transferSyntaxName } from './transfer-syntax';

/** Flush when this much is waiting: a 64-slice 256² CT series (8 MB) is one batch; memory stays bounded. */
const MAX_PENDING_BYTES = 128 * 1024 * 1024;
const MAX_PENDING_OBJECTS = 1000;

export const EMPTY_PATIENT_ID =
  'Patient ID (0010,0020) is empty: Konsil cannot link this object to a patient; import it for a named patient';

export class ImportRun {
  private readonly outcomes: (DicomFileOutcome | undefined)[] = [];
  private pending: PendingObject[] = [];
  private pendingBytes = 0;
  private readonly seen = new Map<string, { name: string; sha256: string; transferSyntaxUid: string }>();
  private readonly dicomDirs: Array<{ base: string; index: DicomDirIndex }> = [];
  private readonly names = new Set<string>();
  /** Copies of an object seen earlier in this import: they take its patient once it is stored. */
  private readonly awaitingPatient: DicomFileOutcome[] = [];
  private patientsCreated = 0;
  processed = 0;

  constructor(private readonly context: StoreContext & { timeZone: string; /** Normalised DICOM_LOCAL_ISSUERS. */ localIssuers: readonly string[] }) {}

  async add(source: DicomSource): Promise<void> {
    this.processed++;
    this.names.add(mediaKey(source.name));
    const index = this.outcomes.length;
    this.outcomes.push(undefined);
    const parsed = parseDicomFile(source.bytes, { timeZone: this.context.timeZone });
    if (parsed.kind === 'rejected') {
      // Media and folders carry companions of the images (README.txt, a viewer, autorun.inf):
      // such a file that is indeed not DICOM is skipped, not counted as a failed import.
      const companion = isCompanionFileName(source.name) && parsed.reason.startsWith('not a DICOM file');
      this.outcomes[index] = companion
        ? { name: source.name, status: 'skipped', reason: `${parsed.reason}; skipped as a companion file of the images` }
        : { name: source.name, status: 'rejected', reason: parsed.reason };
      return;
    }
    if (parsed.kind === 'directory') {
      this.dicomDirs.push({ base: dicomDirBase(source.name), index: parsed.index });
      const records = Object.entries(parsed.index.recordCounts).map(([type, n]) => `${n} ${type}`).join(', ') || 'no records';
      this.outcomes[index] = {
        name: source.name,
        status: 'skipped',
        reason: `DICOMDIR read (${records}; ${parsed.index.files.length} files listed): the files it lists are imported, the DICOMDIR itself is not stored`,
        ...(parsed.warnings.length ? { warnings: parsed.warnings } : {}),
      };
      return;
    }
    const item = { name: source.name, parsed };
    if (!this.context.overridePatientId) {
      const { id, issuer } = parsed.fields.patient;
      if (!id) {
        this.outcomes[index] = outcomeOf(item, 'rejected', { reason: EMPTY_PATIENT_ID });
        return;
      }
      // Another hospital's ID: linking by it could file the images under a different person.
      if (issuer && !isLocalIssuer(issuer, this.context.localIssuers)) {
        this.outcomes[index] = outcomeOf(item, 'rejected', { reason: foreignIssuerReason(id, issuer) });
        return;
      }
    }
    const sha256 = sha256Hex(parsed.bytes);
    const uid = parsed.fields.instance.sopInstanceUid;
    const earlier = this.seen.get(uid);
    if (earlier) {
      this.outcomes[index] =
        earlier.sha256 === sha256
          ? outcomeOf(item, 'unchanged', { reason: `the same file is also in this import as ${earlier.name}` })
          : outcomeOf(item, 'duplicate', {
              reason: `already stored as ${earlier.name} (${transferSyntaxName(earlier.transferSyntaxUid)}) earlier in this import, with different bytes under this SOP Instance UID; kept the first`,
            });
      this.awaitingPatient.push(this.outcomes[index]!);
      return;
    }
    this.seen.set(uid, { name: source.name, sha256, transferSyntaxUid: parsed.transferSyntaxUid });
    this.pending.push({ index, name: source.name, parsed, sha256 });
    this.pendingBytes += parsed.bytes.byteLength;
    if (this.pendingBytes >= MAX_PENDING_BYTES || this.pending.length >= MAX_PENDING_OBJECTS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    const { settled, patientsCreated } = await storePending(batch, this.context);
    for (const { index, outcome } of settled) this.outcomes[index] = outcome;
    this.patientsCreated += patientsCreated;
    const patientOf = new Map(settled.filter((s) => s.outcome.patientId).map((s) => [s.outcome.sopInstanceUid, s.outcome.patientId]));
    for (const outcome of this.awaitingPatient) {
      const patientId = patientOf.get(outcome.sopInstanceUid);
      if (!outcome.patientId && patientId) outcome.patientId = patientId;
    }
  }

  /** Files a DICOMDIR lists that were not among the sources: the medium was copied incompletely. */
  reportMissingFromDicomDirs(): void {
    const reported = new Set<string>();
    for (const { base, index } of this.dicomDirs) {
      for (const file of index.files) {
        const name = `${base}${file.path}`;
        const key = mediaKey(name);
        if (this.names.has(key) || reported.has(key)) continue;
        reported.add(key);
        this.outcomes.push({
          name,
          status: 'rejected',
          reason: `listed in the DICOMDIR (${file.recordType} record) but missing from the upload`,
          ...(file.sopInstanceUid ? { sopInstanceUid: file.sopInstanceUid } : {}),
        });
      }
    }
  }

  result(): DicomImportResult {
    const files = this.outcomes.filter((o): o is DicomFileOutcome => o !== undefined);
    const count = (status: DicomFileOutcome['status']) => files.filter((f) => f.status === status).length;
    const counts = {
      stored: count('stored'),
      unchanged: count('unchanged'),
      duplicate: count('duplicate'),
      rejected: count('rejected'),
      studies: new Set(files.filter(isPresent).map((f) => f.studyInstanceUid)).size,
      series: new Set(files.filter(isPresent).map((f) => f.seriesInstanceUid)).size,
      patientsCreated: this.patientsCreated,
    };
    const ok = counts.stored + counts.unchanged + counts.duplicate;
    const status = ok === 0 ? 'FAILED' : counts.rejected > 0 ? 'PARTIAL' : 'SUCCEEDED';
    const patientIds = [...new Set(files.filter((f) => f.status !== 'rejected' && f.patientId).map((f) => f.patientId!))];
    return { status, files, counts, patientIds };
  }
}

function isPresent(outcome: DicomFileOutcome): boolean {
  return outcome.status === 'stored' || outcome.status === 'unchanged';
}

/** Media paths compare case-insensitively, without ISO 9660 version suffixes (";1") and trailing dots. */
function mediaKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\.\//, '').replace(/;\d+$/, '').replace(/\.$/, '').toLowerCase();
}

/** Extensions of files that travel with DICOM media but are never DICOM objects themselves. */
const COMPANION_EXTENSIONS = /\.(txt|md|pdf|html?|xml|json|inf|ini|exe|dll|bat|sh|cmd|ico|png|jpe?g|gif|bmp|css|js|url|lnk|log)$/i;

export function isCompanionFileName(name: string): boolean {
  return COMPANION_EXTENSIONS.test(name);
}
