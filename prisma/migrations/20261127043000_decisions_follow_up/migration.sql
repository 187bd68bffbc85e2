-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('OPEN', 'IMPLEMENTED', 'MODIFIED', 'NOT_IMPLEMENTED');

-- CreateEnum
CREATE TYPE "FollowUpReason" AS ENUM ('PATIENT_WISH', 'COMORBIDITY_PERFORMANCE_STATUS', 'PROGRESSION', 'LOGISTICS', 'NEW_FINDINGS', 'OTHER');

-- AlterEnum
ALTER TYPE "DecisionStatus" ADD VALUE 'AMENDING';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'DECISION_SIGNED';

-- CreateTable
CREATE TABLE "decision_considered_results" (
    "id" TEXT NOT NULL,
    "decisionVersionId" TEXT NOT NULL,
    "inferenceResultId" TEXT NOT NULL,
    "reviewId" TEXT,
    "mark" "InferenceReviewMark",
    "reason" TEXT,

    CONSTRAINT "decision_considered_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up_tasks" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'OPEN',
    "reason" "FollowUpReason",
    "note" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "completedById" TEXT,
    "overdueNotifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "follow_up_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imported_decisions" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "intent" TEXT,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "signedBy" TEXT,
    "signedAt" TIMESTAMPTZ(3),
    "sourceSystem" TEXT,
    "sourceId" TEXT,
    "sourceHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "imported_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "decision_considered_results_inferenceResultId_idx" ON "decision_considered_results"("inferenceResultId");

-- CreateIndex
CREATE UNIQUE INDEX "decision_considered_results_decisionVersionId_inferenceResu_key" ON "decision_considered_results"("decisionVersionId", "inferenceResultId");

-- CreateIndex
CREATE UNIQUE INDEX "follow_up_tasks_decisionId_key" ON "follow_up_tasks"("decisionId");

-- CreateIndex
CREATE INDEX "follow_up_tasks_ownerId_status_dueOn_idx" ON "follow_up_tasks"("ownerId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "follow_up_tasks_status_dueOn_idx" ON "follow_up_tasks"("status", "dueOn");

-- CreateIndex
CREATE INDEX "follow_up_tasks_caseId_idx" ON "follow_up_tasks"("caseId");

-- CreateIndex
CREATE INDEX "imported_decisions_patientId_idx" ON "imported_decisions"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "imported_decisions_sourceSystem_sourceId_key" ON "imported_decisions"("sourceSystem", "sourceId");

-- AddForeignKey
ALTER TABLE "decision_considered_results" ADD CONSTRAINT "decision_considered_results_decisionVersionId_fkey" FOREIGN KEY ("decisionVersionId") REFERENCES "decision_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_considered_results" ADD CONSTRAINT "decision_considered_results_inferenceResultId_fkey" FOREIGN KEY ("inferenceResultId") REFERENCES "inference_results"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_considered_results" ADD CONSTRAINT "decision_considered_results_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "inference_reviews"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imported_decisions" ADD CONSTRAINT "imported_decisions_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ───────────── integrity the database enforces itself (not only the app) ─────────────
-- A signed decision never changes: its versions are append-only (earlier migration), the
-- considered model outputs of a version are append-only, and the decisions row of a signed
-- decision can only move to AMENDING (editing a copy of the draft) or stay as it is.

CREATE TRIGGER decision_considered_results_append_only
  BEFORE UPDATE OR DELETE ON "decision_considered_results"
  FOR EACH ROW EXECUTE FUNCTION konsil_refuse_change();

CREATE TRIGGER decision_considered_results_no_truncate
  BEFORE TRUNCATE ON "decision_considered_results"
  FOR EACH STATEMENT EXECUTE FUNCTION konsil_refuse_change();

-- Versions are numbered 1, 2, 3 … without gaps, and every amendment says why.
CREATE FUNCTION konsil_decision_version_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  expected integer;
  decision_status text;
  board_id text;
BEGIN
  SELECT coalesce(max("number"), 0) + 1 INTO expected FROM "decision_versions" WHERE "decisionId" = NEW."decisionId";
  IF NEW."number" <> expected THEN
    RAISE EXCEPTION 'decision % must get version % next, not %', NEW."decisionId", expected, NEW."number"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW."number" > 1 AND coalesce(length(trim(NEW."amendmentReason")), 0) = 0 THEN
    RAISE EXCEPTION 'an amendment (version %) needs a reason', NEW."number"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  -- Only a signature adds a version: of a draft (version 1) or of an open amendment (later
  -- versions), by an active CHAIR of the case's board, with a sha256 in its column.
  SELECT d."status"::text, c."boardId" INTO decision_status, board_id
    FROM "decisions" d JOIN "cases" c ON c."id" = d."caseId"
    WHERE d."id" = NEW."decisionId" FOR UPDATE OF d;
  IF (NEW."number" = 1 AND decision_status IS DISTINCT FROM 'DRAFT') OR (NEW."number" > 1 AND decision_status IS DISTINCT FROM 'AMENDING') THEN
    RAISE EXCEPTION 'decision % is %: a version is only added by signing its draft or an open amendment', NEW."decisionId", decision_status
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM "board_memberships" bm JOIN "users" u ON u."id" = bm."userId"
    WHERE bm."boardId" = board_id AND bm."userId" = NEW."signedById" AND bm."role" = 'CHAIR' AND u."active"
  ) THEN
    RAISE EXCEPTION 'only an active chair of the board signs its decisions'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."contentSha256" !~ '^[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'contentSha256 must be a sha256 in hex'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER decision_versions_numbered
  BEFORE INSERT ON "decision_versions"
  FOR EACH ROW EXECUTE FUNCTION konsil_decision_version_insert();

-- At commit: the transaction that added a version also made the decision SIGNED with exactly
-- that content. A version slipped in beside the signing path (plain SQL) fails its commit.
CREATE FUNCTION konsil_decision_version_committed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "decision_versions" v WHERE v."decisionId" = NEW."decisionId" AND v."number" > NEW."number") THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "decisions" d WHERE d."id" = NEW."decisionId" AND d."status"::text = 'SIGNED' AND d."draft" = NEW."content") THEN
    RAISE EXCEPTION 'version % of decision % was added without signing the decision to it', NEW."number", NEW."decisionId"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER decision_versions_signed_at_commit
  AFTER INSERT ON "decision_versions"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION konsil_decision_version_committed();

-- The decisions row: born DRAFT, then DRAFT → SIGNED → AMENDING → SIGNED …; never back to DRAFT, never deleted
-- once signed, never moved to another case or meeting, and a SIGNED row's draft is exactly
-- its newest signed version (so "signed" cannot be claimed without a version, nor edited).
CREATE FUNCTION konsil_decision_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  newest jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status"::text <> 'DRAFT' THEN
      RAISE EXCEPTION 'decision % has been signed and cannot be deleted', OLD."id"
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;

  -- Signing happens to an existing row (with its version); a row cannot be born signed.
  IF TG_OP = 'INSERT' THEN
    IF NEW."status"::text <> 'DRAFT' THEN
      RAISE EXCEPTION 'a decision starts as a DRAFT (it is %): sign it to add a version', NEW."status"
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;

  IF NEW."caseId" IS DISTINCT FROM OLD."caseId" OR NEW."meetingId" IS DISTINCT FROM OLD."meetingId" THEN
    RAISE EXCEPTION 'a decision cannot move to another case or meeting'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."status"::text <> 'DRAFT' AND NEW."status"::text = 'DRAFT' THEN
    RAISE EXCEPTION 'decision % has been signed: it cannot become a draft again (amend it)', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."status"::text = 'SIGNED' AND NEW."status"::text = 'SIGNED' AND NEW."draft" IS DISTINCT FROM OLD."draft" THEN
    RAISE EXCEPTION 'decision % is signed and immutable: amend it to correct it', OLD."id"
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Start an amendment; signing it adds a new version with the reason.';
  END IF;
  IF NEW."status"::text = 'AMENDING' AND OLD."status"::text = 'DRAFT' THEN
    RAISE EXCEPTION 'decision % has no signed version to amend: edit the draft instead', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW."status"::text = 'SIGNED' THEN
    SELECT "content" INTO newest FROM "decision_versions" WHERE "decisionId" = NEW."id" ORDER BY "number" DESC LIMIT 1;
    IF newest IS NULL OR newest IS DISTINCT FROM NEW."draft" THEN
      RAISE EXCEPTION 'decision % can only be SIGNED with a signed version equal to its content', NEW."id"
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER decisions_guard
  BEFORE INSERT OR UPDATE OR DELETE ON "decisions"
  FOR EACH ROW EXECUTE FUNCTION konsil_decision_guard();

-- A follow-up's outcome: open ones have none; modified / not implemented ones say why.
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_outcome_check" CHECK (
  ("status" = 'OPEN' AND "completedAt" IS NULL AND "reason" IS NULL)
  OR ("status" = 'IMPLEMENTED' AND "completedAt" IS NOT NULL AND "reason" IS NULL)
  OR ("status" IN ('MODIFIED', 'NOT_IMPLEMENTED') AND "completedAt" IS NOT NULL AND "reason" IS NOT NULL)
);
