// Integration-test helpers: a temporary storage root, what is in it, and a way
// to return the imaging index to a clean state for given studies (tests share
// one database per run, and several real test files share UIDs).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { db } from '@/lib/db/client';

export async function useTemporaryStorage(): Promise<{ root: string; dispose: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'konsil-dicom-'));
  process.env.KONSIL_STORAGE_DIR = root;
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}

/** sha256 of every stored object under the storage root. */
export async function storedFiles(root: string): Promise<Set<string>> {
  const found = new Set<string>();
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.dcm')) found.add(entry.name.slice(0, -4));
    }
  }
  await walk(path.join(root, 'dicom'));
  return found;
}

/** Deletes these studies (series and instances cascade), and then their patients if nothing else refers to them. */
export async function forgetStudies(studyInstanceUids: string[]): Promise<void> {
  const studies = await db().imagingStudy.findMany({ where: { studyInstanceUid: { in: studyInstanceUids } }, select: { id: true, patientId: true } });
  await db().imagingStudy.deleteMany({ where: { id: { in: studies.map((s) => s.id) } } });
  await forgetPatientsWithoutData([...new Set(studies.map((s) => s.patientId))]);
}

export async function forgetPatientsByMrn(mrns: string[]): Promise<void> {
  const patients = await db().patient.findMany({ where: { mrn: { in: mrns } }, select: { id: true } });
  const ids = patients.map((p) => p.id);
  await db().imagingStudy.deleteMany({ where: { patientId: { in: ids } } });
  await forgetPatientsWithoutData(ids);
}

async function forgetPatientsWithoutData(ids: string[]): Promise<void> {
  await db().patient.deleteMany({
    where: {
      id: { in: ids },
      imagingStudies: { none: {} },
      cases: { none: {} },
      conditions: { none: {} },
      observations: { none: {} },
      reports: { none: {} },
      procedures: { none: {} },
      medications: { none: {} },
    },
  });
}

export async function imagingCounts() {
  const [patients, studies, series, instances, auditEvents] = await Promise.all([
    db().patient.count(),
    db().imagingStudy.count(),
    db().imagingSeries.count(),
    db().imagingInstance.count(),
    db().auditEvent.count({ where: { action: 'import.dicom_study' } }),
  ]);
  return { patients, studies, series, instances, auditEvents };
}
