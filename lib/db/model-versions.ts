import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { db } from './client';

export interface ModelVersionDto {
  id: string;
  modelKey: string;
  semver: string;
  name: string;
  status: string;
  fileSha256: string;
  createdAt: string;
  activatedAt: string | null;
}

/** The model registry as admins see it. Upload/validate/activate arrive with the models issue. */
export async function listModelVersions(options: { actor: Actor }): Promise<ModelVersionDto[]> {
  assertCan(options.actor, 'models.read');
  const rows = await db().modelVersion.findMany({ orderBy: [{ modelKey: 'asc' }, { createdAt: 'desc' }] });
  return rows.map((row) => ({
    id: row.id,
    modelKey: row.modelKey,
    semver: row.semver,
    name: row.name,
    status: row.status,
    fileSha256: row.fileSha256,
    createdAt: row.createdAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
  }));
}
