-- CreateEnum
CREATE TYPE "InferenceTrigger" AS ENUM ('AUTO_PREPARE', 'ON_DEMAND');

-- CreateEnum
CREATE TYPE "InferenceReviewMark" AS ENUM ('CONSIDERED', 'DISAGREE');

-- AlterEnum
-- Renamed and extended in place (not dropped and recreated as Prisma proposes), so the
-- statement cannot fail on rows. SHADOW is only added here, never used in this migration,
-- which is what PostgreSQL requires of a value added inside a transaction.
ALTER TYPE "ModelVersionStatus" RENAME VALUE 'UPLOADED' TO 'DRAFT';
ALTER TYPE "ModelVersionStatus" ADD VALUE 'SHADOW' AFTER 'VALIDATED';
ALTER TABLE "model_versions" ALTER COLUMN "status" SET DEFAULT 'VALIDATED';

-- DropForeignKey
ALTER TABLE "inference_results" DROP CONSTRAINT "inference_results_triggeredById_fkey";

-- DropIndex
DROP INDEX "inference_results_caseId_createdAt_idx";

-- DropIndex
DROP INDEX "inference_results_modelVersionId_idx";

-- AlterTable
-- model_versions and inference_results had no write path before this migration (the registry
-- was read-only), so they are empty and the new NOT NULL columns need no default.
ALTER TABLE "inference_results" ADD COLUMN     "shadow" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "trigger" "InferenceTrigger" NOT NULL;

-- AlterTable
ALTER TABLE "model_versions" ADD COLUMN     "entities" "TumorEntity"[],
ADD COLUMN     "fileBytes" BYTEA NOT NULL,
ADD COLUMN     "replacesVersionId" TEXT,
ADD COLUMN     "shadowSince" TIMESTAMPTZ(3),
ADD COLUMN     "statusReason" TEXT,
ADD COLUMN     "validationReport" JSONB;

-- CreateTable
CREATE TABLE "inference_reviews" (
    "id" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "mark" "InferenceReviewMark" NOT NULL,
    "reason" TEXT,
    "reviewedById" TEXT NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inference_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "inference_reviews_resultId_number_key" ON "inference_reviews"("resultId", "number");

-- CreateIndex
CREATE INDEX "inference_results_caseId_modelVersionId_createdAt_idx" ON "inference_results"("caseId", "modelVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "inference_results_modelVersionId_createdAt_idx" ON "inference_results"("modelVersionId", "createdAt");

-- AddForeignKey
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_replacesVersionId_fkey" FOREIGN KEY ("replacesVersionId") REFERENCES "model_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inference_results" ADD CONSTRAINT "inference_results_triggeredById_fkey" FOREIGN KEY ("triggeredById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inference_reviews" ADD CONSTRAINT "inference_reviews_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "inference_results"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inference_reviews" ADD CONSTRAINT "inference_reviews_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- At most one ACTIVE version per model: activation retires the previous one in the same
-- transaction, and this index turns any path that forgets to (or two admins racing) into a
-- unique violation instead of two live versions. Prisma's schema cannot express a partial
-- index; the drift check leaves it alone.
CREATE UNIQUE INDEX "model_versions_one_active_per_model" ON "model_versions"("modelKey") WHERE "status" = 'ACTIVE';

-- A mark of disagreement says why (the action checks too; this holds for any writer).
ALTER TABLE "inference_reviews" ADD CONSTRAINT "inference_reviews_reason_check"
  CHECK (("mark" <> 'DISAGREE' OR length(btrim("reason")) > 0) AND (reason IS NULL OR char_length("reason") <= 2000));

-- Inference results are the provenance of what a model said about a patient (inputs, input
-- hash, file hash, outputs): like signed decisions they are never rewritten or removed, and
-- the marks clinicians put on them are a history, not a state. konsil_refuse_change() is the
-- append-only trigger function of 20261126153827_append_only_tables.
CREATE TRIGGER inference_results_append_only
  BEFORE UPDATE OR DELETE ON "inference_results"
  FOR EACH ROW EXECUTE FUNCTION konsil_refuse_change();

CREATE TRIGGER inference_results_no_truncate
  BEFORE TRUNCATE ON "inference_results"
  FOR EACH STATEMENT EXECUTE FUNCTION konsil_refuse_change();

CREATE TRIGGER inference_reviews_append_only
  BEFORE UPDATE OR DELETE ON "inference_reviews"
  FOR EACH ROW EXECUTE FUNCTION konsil_refuse_change();

CREATE TRIGGER inference_reviews_no_truncate
  BEFORE TRUNCATE ON "inference_reviews"
  FOR EACH STATEMENT EXECUTE FUNCTION konsil_refuse_change();
