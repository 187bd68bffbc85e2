-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('FHIR', 'DICOM');

-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- AlterTable
ALTER TABLE "conditions" ADD COLUMN     "sourceHash" TEXT;

-- AlterTable
ALTER TABLE "imaging_instances" ADD COLUMN     "isImage" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "metadata" JSONB NOT NULL,
ADD COLUMN     "numberOfFrames" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "imaging_series" ADD COLUMN     "frameOfReferenceUid" TEXT;

-- AlterTable
ALTER TABLE "imaging_studies" ADD COLUMN     "dicomPatientId" TEXT,
ADD COLUMN     "sourceHash" TEXT,
ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceSystem" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL;

-- AlterTable
ALTER TABLE "medications" ADD COLUMN     "fhirResourceType" TEXT,
ADD COLUMN     "sourceHash" TEXT;

-- AlterTable
ALTER TABLE "observations" ADD COLUMN     "code" TEXT,
ADD COLUMN     "codeSystem" TEXT,
ADD COLUMN     "sourceHash" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'final';

-- AlterTable
ALTER TABLE "patients" ADD COLUMN     "mrnSystem" TEXT,
ADD COLUMN     "sourceHash" TEXT,
ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "sourceSystem" TEXT,
ALTER COLUMN "birthDate" DROP NOT NULL;

-- AlterTable
ALTER TABLE "procedures" ADD COLUMN     "sourceHash" TEXT;

-- AlterTable
ALTER TABLE "reports" ADD COLUMN     "loincCode" TEXT,
ADD COLUMN     "sourceHash" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'final';

-- CreateTable
CREATE TABLE "import_jobs" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'QUEUED',
    "requestedById" TEXT,
    "channel" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "stagingPath" TEXT,
    "totalItems" INTEGER NOT NULL DEFAULT 0,
    "processedItems" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "outcome" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_jobs_requestedById_createdAt_idx" ON "import_jobs"("requestedById", "createdAt");

-- CreateIndex
CREATE INDEX "import_jobs_status_createdAt_idx" ON "import_jobs"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "imaging_studies_sourceSystem_sourceId_key" ON "imaging_studies"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "patients_sourceSystem_sourceId_key" ON "patients"("sourceSystem", "sourceId");

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


