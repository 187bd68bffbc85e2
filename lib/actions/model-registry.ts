'use server';
// Admin actions on the model registry: shadow, activate, roll back, retire. Each names the
// version, the row version the admin saw (a newer change by someone else is a conflict) and
// a reason, which the audit trail keeps. Uploads arrive through POST /api/admin/models
// (multipart), not an action: server actions refuse bodies over 1 MB.
import { createAction } from './create-action';
import { modelTransitionSchema } from '@/lib/schemas/inference';
import {
  activateModelVersion as activateRecord,
  retireModelVersion as retireRecord,
  rollbackModelVersion as rollbackRecord,
  setModelVersionShadow as shadowRecord,
} from '@/lib/db/model-versions';

const registryPage = () => ['/admin/models'];

export const shadowModelVersion = createAction({
  name: 'models.shadow',
  permission: 'models.manage',
  input: modelTransitionSchema,
  handler: ({ actor, input }) => shadowRecord({ actor, ...input }),
  revalidate: registryPage,
  successMessage: 'The version now runs in shadow mode; clinicians do not see its results.',
});

export const activateModelVersion = createAction({
  name: 'models.activate',
  permission: 'models.manage',
  input: modelTransitionSchema,
  handler: ({ actor, input }) => activateRecord({ actor, ...input }),
  revalidate: registryPage,
  successMessage: 'The version is active; the previously active version was retired.',
});

/** `versionId` is the ACTIVE version to roll back; the result is the version active afterwards. */
export const rollbackModel = createAction({
  name: 'models.rollback',
  permission: 'models.manage',
  input: modelTransitionSchema,
  handler: ({ actor, input }) => rollbackRecord({ actor, ...input }),
  revalidate: registryPage,
  successMessage: 'Rolled back: the previous version is active again.',
});

export const retireModelVersion = createAction({
  name: 'models.retire',
  permission: 'models.manage',
  input: modelTransitionSchema,
  handler: ({ actor, input }) => retireRecord({ actor, ...input }),
  revalidate: registryPage,
  successMessage: 'The version was retired.',
});
