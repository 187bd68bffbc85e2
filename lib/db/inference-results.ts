import 'server-only';
import type { Actor } from '@/lib/authz/actor';
import { assertCan } from '@/lib/authz/assert-can';
import { can } from '@/lib/authz/permissions';
import { caseScope } from '@/lib/authz/scopes';
import { writeAuditEvent } from '@/lib/audit/write-audit-event';
import { conflict, notFound } from '@/lib/errors';
import { storedModelCardSchema, type ModelCard } from '@/lib/models/model-card';
import {
  inferenceFlagSchema,
  mappedFeatureSchema,
  type CaseInferenceDto,
  type InferenceResultDto,
  type InferenceReviewDto,
  type InferenceReviewInput,
  type InferenceStatus,
  type InferenceTrigger,
  type ModelCardSummary,
  type ReviewMark,
} from '@/lib/schemas/inference';
import { z } from 'zod';
import { auditCaseView } from './case-screen/audit-case-view';
import { findCaseInScope } from './case-scope-lookup';
import { db, type Tx } from './client';

// What clinicians see of the models on a case, and their marks on it. Shadow results never
// leave this file for a clinician: they are filtered in SQL (admins compare them in
// inference/shadow-comparisons.ts, without patient identity).

interface ResultRow {
  id: string;
  modelVersionId: string;
  modelKey: string;
  semver: string;
  card: unknown;
  status: InferenceStatus;
  trigger: InferenceTrigger;
  createdAt: Date;
  triggeredById: string | null;
  triggeredByName: string | null;
  modelFileSha256: string;
  inputHash: string;
  durationMs: number | null;
  inputs: unknown;
  outputs: Record<string, number[]> | null;
  contributions: Record<string, number> | null;
  flags: unknown;
}

interface ReviewRow {
  resultId: string;
  number: number;
  mark: ReviewMark;
  reason: string | null;
  reviewedById: string;
  reviewedByName: string;
  reviewedAt: Date;
}

export function toCardSummary(modelVersionId: string, card: ModelCard): ModelCardSummary {
  return {
    modelVersionId,
    modelKey: card.modelKey,
    name: card.name,
    version: card.version,
    kind: card.kind,
    intendedUse: card.intendedUse,
    disclaimer: card.regulatoryStatus,
    limitations: card.limitations,
    horizonsMonths: card.horizonsMonths ?? null,
    outputs: card.outputs.map((o) => ({ name: o.name, description: o.description, shape: o.shape })),
    features: card.features.map((f) => ({ name: f.name, label: f.label, unit: f.unit, validRange: f.validRange, source: f.source })),
    metrics: card.metrics,
    trainingData: card.trainingData,
    externalData: card.externalData ?? null,
    date: card.date,
    author: card.author,
  };
}

const toReviewDto = (r: ReviewRow): InferenceReviewDto => ({
  version: r.number,
  mark: r.mark,
  reason: r.reason,
  reviewedBy: { id: r.reviewedById, name: r.reviewedByName },
  reviewedAt: r.reviewedAt.toISOString(),
});

export function toResultDto(row: ResultRow, card: ModelCard, reviews: ReviewRow[]): InferenceResultDto {
  const features = new Map(card.features.map((f) => [f.name, f]));
  const inputs = z.array(mappedFeatureSchema).parse(row.inputs);
  const history = reviews.map(toReviewDto);
  return {
    id: row.id,
    modelVersionId: row.modelVersionId,
    semver: row.semver,
    status: row.status,
    trigger: row.trigger,
    createdAt: row.createdAt.toISOString(),
    triggeredBy: row.triggeredById ? { id: row.triggeredById, name: row.triggeredByName ?? '' } : null,
    modelFileSha256: row.modelFileSha256,
    inputHash: row.inputHash,
    durationMs: row.durationMs,
    inputs: inputs.map((i) => ({ ...i, label: features.get(i.name)?.label ?? i.name, unit: features.get(i.name)?.unit ?? '' })),
    outputs: row.outputs,
    contributions: Object.entries(row.contributions ?? {})
      .map(([feature, value]) => ({ feature, label: features.get(feature)?.label ?? feature, value }))
      .sort((a, b) => Math.abs(b.value) - Math.abs(a.value)),
    flags: z.array(inferenceFlagSchema).parse(row.flags),
    review: history[0] ?? null,
    reviewHistory: history,
  };
}

/**
 * Per ACTIVE model that applies to the case's entity: its card, and the newest non-shadow
 * result of any version of that model on the case (`result.modelVersionId` says which version;
 * an older version's result stays visible until the next run). Audited as a `case.view` of
 * the decision-support panel; a case outside the actor's scope is NOT_FOUND.
 */
export async function listCaseInference(options: { actor: Actor; caseId: string }): Promise<CaseInferenceDto> {
  const { actor, caseId } = options;
  assertCan(actor, 'inference.read');
  return db().$transaction(async (tx) => {
    const scoped = await findCaseInScope(tx, actor, caseId);
    const active = await tx.$queryRaw<{ id: string; modelKey: string; card: unknown }[]>`
      SELECT id, "modelKey", card FROM model_versions
      WHERE status = 'ACTIVE' AND ${scoped.entity}::"TumorEntity" = ANY(entities) ORDER BY "modelKey"`;
    const keys = active.map((a) => a.modelKey);
    const results = await tx.$queryRaw<ResultRow[]>`
      SELECT DISTINCT ON (mv."modelKey") r.id, r."modelVersionId", mv."modelKey", mv.semver, mv.card, r.status::text AS status, r.trigger::text AS trigger,
             r."createdAt", r."triggeredById", u.name AS "triggeredByName", r."modelFileSha256", r."inputHash", r."durationMs",
             r.inputs, r.outputs, r.contributions, r.flags
      FROM inference_results r
      JOIN model_versions mv ON mv.id = r."modelVersionId"
      LEFT JOIN users u ON u.id = r."triggeredById"
      WHERE r."caseId" = ${scoped.id} AND r.shadow = false AND mv."modelKey" = ANY(${keys}::text[])
      ORDER BY mv."modelKey", r."createdAt" DESC, r.id DESC`;
    const reviews = await fetchReviews(tx, results.map((r) => r.id));
    await auditCaseView(tx, actor, scoped, 'decision-support', results.length);
    const byKey = new Map(results.map((r) => [r.modelKey, r]));
    return {
      caseId: scoped.id,
      models: active.map((a) => {
        const row = byKey.get(a.modelKey);
        const resultCard = row ? storedModelCardSchema.parse(row.card) : null;
        return {
          card: toCardSummary(a.id, storedModelCardSchema.parse(a.card)),
          result: row && resultCard ? toResultDto(row, resultCard, reviews.filter((r) => r.resultId === row.id)) : null,
          resultCard: row && resultCard ? toCardSummary(row.modelVersionId, resultCard) : null,
        };
      }),
      can: { run: can(actor, 'inference.run'), review: can(actor, 'cases.annotate') },
    };
  });
}

/** Every review of the results, newest first per result. */
async function fetchReviews(tx: Tx, resultIds: string[]): Promise<ReviewRow[]> {
  if (resultIds.length === 0) return [];
  return tx.$queryRaw<ReviewRow[]>`
    SELECT rv."resultId", rv.number, rv.mark::text AS mark, rv.reason, rv."reviewedById", u.name AS "reviewedByName", rv."reviewedAt"
    FROM inference_reviews rv JOIN users u ON u.id = rv."reviewedById"
    WHERE rv."resultId" = ANY(${resultIds}::text[])
    ORDER BY rv."resultId", rv.number DESC`;
}

/**
 * A clinician marks a result CONSIDERED or DISAGREE (with a reason). Each mark is a new row
 * numbered after the newest; `expectedVersion` (the number the clinician saw) turns a mark
 * someone else made meanwhile into a conflict, and (resultId, number) being unique does the
 * same for two marks at the same instant. Shadow results cannot be marked (not found).
 */
export async function reviewInferenceResult(options: { actor: Actor; input: InferenceReviewInput }): Promise<InferenceReviewDto> {
  const { actor, input } = options;
  assertCan(actor, 'cases.annotate');
  return db().$transaction(async (tx) => {
    const result = await tx.inferenceResult.findFirst({
      where: { id: input.resultId, shadow: false, case: caseScope(actor) },
      select: { id: true, case: { select: { patientId: true } }, modelVersion: { select: { modelKey: true } } },
    });
    if (!result) throw notFound('The model result');
    const latest = await tx.inferenceReview.findFirst({ where: { resultId: result.id }, orderBy: { number: 'desc' }, select: { number: true, mark: true } });
    const current = latest?.number ?? 0;
    if (input.expectedVersion !== undefined && input.expectedVersion !== current) throw conflict('The review of this result');
    const row = await tx.inferenceReview.create({
      data: { resultId: result.id, number: current + 1, mark: input.mark, reason: input.reason ?? null, reviewedById: actor.id },
      select: { number: true, mark: true, reason: true, reviewedAt: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: 'inference.review',
      entityType: 'InferenceResult',
      entityId: result.id,
      patientId: result.case.patientId,
      detail: { resultId: result.id, modelKey: result.modelVersion.modelKey, number: row.number, mark: row.mark, previous: latest?.mark ?? null },
    });
    return { version: row.number, mark: row.mark, reason: row.reason, reviewedBy: { id: actor.id, name: actor.name }, reviewedAt: row.reviewedAt.toISOString() };
  }).catch((error: unknown) => {
    // Two marks at the same instant: the second loses on the unique (resultId, number).
    if ((error as { code?: unknown }).code === 'P2002') throw conflict('The review of this result');
    throw error;
  });
}
