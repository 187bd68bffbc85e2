-- CreateEnum
CREATE TYPE "MeasurementKind" AS ENUM ('LENGTH', 'BIDIRECTIONAL', 'ELLIPSE_ROI', 'RECTANGLE_ROI');

-- CreateEnum
CREATE TYPE "FactReviewStatus" AS ENUM ('CONFIRMED', 'REJECTED');

-- CreateTable
CREATE TABLE "case_measurements" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "MeasurementKind" NOT NULL,
    "label" TEXT,
    "studyInstanceUid" TEXT NOT NULL,
    "seriesInstanceUid" TEXT NOT NULL,
    "sopInstanceUid" TEXT NOT NULL,
    "frameNumber" INTEGER NOT NULL DEFAULT 1,
    "values" JSONB NOT NULL,
    "geometry" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),
    "removedById" TEXT,

    CONSTRAINT "case_measurements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_key_images" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "studyInstanceUid" TEXT NOT NULL,
    "seriesInstanceUid" TEXT NOT NULL,
    "sopInstanceUid" TEXT NOT NULL,
    "frameNumber" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT,
    "markedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_key_images_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_fact_reviews" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "factKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "assertion" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "spanStart" INTEGER NOT NULL,
    "spanEnd" INTEGER NOT NULL,
    "status" "FactReviewStatus" NOT NULL,
    "reviewedById" TEXT NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_fact_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_measurements_caseId_createdAt_idx" ON "case_measurements"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "case_key_images_caseId_createdAt_idx" ON "case_key_images"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "case_key_images_caseId_sopInstanceUid_frameNumber_key" ON "case_key_images"("caseId", "sopInstanceUid", "frameNumber");

-- CreateIndex
CREATE INDEX "report_fact_reviews_caseId_kind_status_idx" ON "report_fact_reviews"("caseId", "kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "report_fact_reviews_caseId_reportId_factKey_key" ON "report_fact_reviews"("caseId", "reportId", "factKey");

-- AddForeignKey
ALTER TABLE "case_measurements" ADD CONSTRAINT "case_measurements_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_measurements" ADD CONSTRAINT "case_measurements_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_measurements" ADD CONSTRAINT "case_measurements_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_key_images" ADD CONSTRAINT "case_key_images_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_key_images" ADD CONSTRAINT "case_key_images_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_fact_reviews" ADD CONSTRAINT "report_fact_reviews_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_fact_reviews" ADD CONSTRAINT "report_fact_reviews_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_fact_reviews" ADD CONSTRAINT "report_fact_reviews_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Measurements are evidence the board looked at: never deleted, never edited.
-- The only change allowed is marking one removed (once), which keeps the row.
CREATE FUNCTION konsil_measurement_remove_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'case_measurements rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."removedAt" IS NOT NULL
     OR NEW."removedAt" IS NULL OR NEW."removedById" IS NULL
     OR (to_jsonb(NEW) - 'removedAt' - 'removedById') <> (to_jsonb(OLD) - 'removedAt' - 'removedById') THEN
    RAISE EXCEPTION 'a case measurement can only be marked removed, once' USING ERRCODE = 'insufficient_privilege',
      HINT = 'Record a new measurement instead.';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER case_measurements_remove_only
  BEFORE UPDATE OR DELETE ON "case_measurements"
  FOR EACH ROW EXECUTE FUNCTION konsil_measurement_remove_only();
