-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CLINICIAN', 'COORDINATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "Specialty" AS ENUM ('SURGERY', 'MEDICAL_ONCOLOGY', 'RADIATION_ONCOLOGY', 'RADIOLOGY', 'PATHOLOGY', 'NUCLEAR_MEDICINE', 'GASTROENTEROLOGY', 'PULMONOLOGY', 'GYNECOLOGY', 'UROLOGY', 'DERMATOLOGY', 'HEMATOLOGY', 'PALLIATIVE_CARE', 'HUMAN_GENETICS', 'PSYCHO_ONCOLOGY', 'NURSING', 'OTHER');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "TumorEntity" AS ENUM ('LUNG', 'BREAST', 'COLORECTAL', 'UPPER_GI', 'PANCREAS', 'HEPATOBILIARY', 'PROSTATE', 'KIDNEY', 'BLADDER', 'GYNECOLOGIC', 'HEAD_AND_NECK', 'SKIN', 'CNS', 'LYMPHOMA', 'SARCOMA', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('DRAFT', 'REFERRED', 'NEEDS_INFORMATION', 'ACCEPTED', 'SCHEDULED', 'DISCUSSED', 'DECIDED', 'CLOSED', 'POSTPONED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('ROUTINE', 'URGENT');

-- CreateEnum
CREATE TYPE "BoardRole" AS ENUM ('CHAIR', 'MEMBER', 'COORDINATOR');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'PUBLISHED', 'LIVE', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AgendaItemStatus" AS ENUM ('PLANNED', 'IN_DISCUSSION', 'DISCUSSED', 'DEFERRED', 'POSTPONED');

-- CreateEnum
CREATE TYPE "ConditionKind" AS ENUM ('PRIMARY_CANCER', 'SECONDARY_CANCER', 'COMORBIDITY');

-- CreateEnum
CREATE TYPE "ObservationCategory" AS ENUM ('LABORATORY', 'STAGING', 'PERFORMANCE_STATUS', 'VITAL_SIGN', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportType" AS ENUM ('RADIOLOGY', 'PATHOLOGY', 'MOLECULAR', 'CLINICAL_NOTE', 'SURGICAL', 'OTHER');

-- CreateEnum
CREATE TYPE "ProcedureCategory" AS ENUM ('SURGERY', 'BIOPSY', 'RADIOTHERAPY', 'ENDOSCOPY', 'INTERVENTION', 'OTHER');

-- CreateEnum
CREATE TYPE "ModelVersionStatus" AS ENUM ('UPLOADED', 'VALIDATED', 'ACTIVE', 'RETIRED', 'REJECTED');

-- CreateEnum
CREATE TYPE "InferenceStatus" AS ENUM ('SCORED', 'SCORED_WITH_FLAGS', 'NOT_SCORED', 'FAILED');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('DRAFT', 'SIGNED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'FAILURE', 'DENIED');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "specialty" "Specialty",
    "roles" "Role"[],
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMPTZ(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external_identities" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patients" (
    "id" TEXT NOT NULL,
    "mrn" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "isSynthetic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "patients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "referringUserId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "entity" "TumorEntity" NOT NULL,
    "icd10Code" TEXT,
    "icd10Display" TEXT,
    "icdO3Morphology" TEXT,
    "icdO3Topography" TEXT,
    "urgency" "Urgency" NOT NULL DEFAULT 'ROUTINE',
    "status" "CaseStatus" NOT NULL DEFAULT 'REFERRED',
    "statusReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "boards" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "entityFocus" "TumorEntity"[],
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Berlin',
    "recurrence" TEXT,
    "meetingDurationMinutes" INTEGER NOT NULL DEFAULT 90,
    "defaultMinutesPerCase" INTEGER NOT NULL DEFAULT 5,
    "submissionDeadlineHours" INTEGER NOT NULL DEFAULT 48,
    "requiredSpecialties" "Specialty"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "boards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_memberships" (
    "id" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "BoardRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meetings" (
    "id" TEXT NOT NULL,
    "boardId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "location" TEXT,
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "agendaPublishedAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_items" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "minutesAllotted" INTEGER NOT NULL,
    "status" "AgendaItemStatus" NOT NULL DEFAULT 'PLANNED',
    "presenterId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "agenda_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conditions" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" "ConditionKind" NOT NULL,
    "icd10Code" TEXT,
    "display" TEXT NOT NULL,
    "icdO3Morphology" TEXT,
    "icdO3Topography" TEXT,
    "bodySite" TEXT,
    "onsetDate" DATE,
    "clinicalStatus" TEXT,
    "sourceSystem" TEXT,
    "sourceId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conditions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "observations" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "category" "ObservationCategory" NOT NULL,
    "loincCode" TEXT,
    "display" TEXT NOT NULL,
    "valueNumeric" DOUBLE PRECISION,
    "valueText" TEXT,
    "valueCode" TEXT,
    "unit" TEXT,
    "referenceLow" DOUBLE PRECISION,
    "referenceHigh" DOUBLE PRECISION,
    "referenceText" TEXT,
    "interpretation" TEXT,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "sourceSystem" TEXT,
    "sourceId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "observations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "type" "ReportType" NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "conclusion" TEXT,
    "authorName" TEXT,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "sourceSystem" TEXT,
    "sourceId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedures" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "category" "ProcedureCategory" NOT NULL,
    "codeSystem" TEXT,
    "code" TEXT,
    "display" TEXT NOT NULL,
    "performedStart" TIMESTAMPTZ(3) NOT NULL,
    "performedEnd" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'completed',
    "sourceSystem" TEXT,
    "sourceId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "medications" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "atcCode" TEXT,
    "display" TEXT NOT NULL,
    "regimen" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "startDate" DATE,
    "endDate" DATE,
    "sourceSystem" TEXT,
    "sourceId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "medications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imaging_studies" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "studyInstanceUid" TEXT NOT NULL,
    "accessionNumber" TEXT,
    "studyDate" TIMESTAMPTZ(3),
    "description" TEXT,
    "modalities" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imaging_studies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imaging_series" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "seriesInstanceUid" TEXT NOT NULL,
    "modality" TEXT NOT NULL,
    "seriesNumber" INTEGER,
    "description" TEXT,
    "bodyPart" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imaging_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "imaging_instances" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "sopInstanceUid" TEXT NOT NULL,
    "sopClassUid" TEXT NOT NULL,
    "instanceNumber" INTEGER,
    "transferSyntaxUid" TEXT,
    "rows" INTEGER,
    "columns" INTEGER,
    "fileSha256" TEXT NOT NULL,
    "fileSizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imaging_instances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_versions" (
    "id" TEXT NOT NULL,
    "modelKey" TEXT NOT NULL,
    "semver" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "ModelVersionStatus" NOT NULL DEFAULT 'UPLOADED',
    "fileSha256" TEXT NOT NULL,
    "fileSizeBytes" INTEGER NOT NULL,
    "card" JSONB NOT NULL,
    "uploadedById" TEXT,
    "validatedAt" TIMESTAMPTZ(3),
    "activatedAt" TIMESTAMPTZ(3),
    "retiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inference_results" (
    "id" TEXT NOT NULL,
    "modelVersionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "status" "InferenceStatus" NOT NULL,
    "inputs" JSONB NOT NULL,
    "inputHash" TEXT NOT NULL,
    "modelFileSha256" TEXT NOT NULL,
    "outputs" JSONB,
    "contributions" JSONB,
    "flags" JSONB NOT NULL DEFAULT '[]',
    "durationMs" DOUBLE PRECISION,
    "triggeredById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inference_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT,
    "status" "DecisionStatus" NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "lastEditedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_versions" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "amendmentReason" TEXT,
    "signedById" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contentSha256" TEXT NOT NULL,

    CONSTRAINT "decision_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT,
    "actorRoles" "Role"[],
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "patientId" TEXT,
    "outcome" "AuditOutcome" NOT NULL DEFAULT 'SUCCESS',
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_active_idx" ON "users"("active");

-- CreateIndex
CREATE INDEX "external_identities_userId_idx" ON "external_identities"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "external_identities_issuer_subject_key" ON "external_identities"("issuer", "subject");

-- CreateIndex
CREATE INDEX "login_attempts_email_createdAt_idx" ON "login_attempts"("email", "createdAt");

-- CreateIndex
CREATE INDEX "login_attempts_ipAddress_createdAt_idx" ON "login_attempts"("ipAddress", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "patients_mrn_key" ON "patients"("mrn");

-- CreateIndex
CREATE UNIQUE INDEX "patients_pseudonym_key" ON "patients"("pseudonym");

-- CreateIndex
CREATE INDEX "patients_familyName_givenName_idx" ON "patients"("familyName", "givenName");

-- CreateIndex
CREATE INDEX "cases_patientId_idx" ON "cases"("patientId");

-- CreateIndex
CREATE INDEX "cases_boardId_status_idx" ON "cases"("boardId", "status");

-- CreateIndex
CREATE INDEX "cases_referringUserId_idx" ON "cases"("referringUserId");

-- CreateIndex
CREATE INDEX "cases_status_updatedAt_idx" ON "cases"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "boards_slug_key" ON "boards"("slug");

-- CreateIndex
CREATE INDEX "board_memberships_userId_idx" ON "board_memberships"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "board_memberships_boardId_userId_key" ON "board_memberships"("boardId", "userId");

-- CreateIndex
CREATE INDEX "meetings_startsAt_idx" ON "meetings"("startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "meetings_boardId_startsAt_key" ON "meetings"("boardId", "startsAt");

-- CreateIndex
CREATE INDEX "agenda_items_meetingId_position_idx" ON "agenda_items"("meetingId", "position");

-- CreateIndex
CREATE INDEX "agenda_items_caseId_idx" ON "agenda_items"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_items_meetingId_caseId_key" ON "agenda_items"("meetingId", "caseId");

-- CreateIndex
CREATE INDEX "conditions_patientId_idx" ON "conditions"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "conditions_sourceSystem_sourceId_key" ON "conditions"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "observations_patientId_loincCode_effectiveAt_idx" ON "observations"("patientId", "loincCode", "effectiveAt");

-- CreateIndex
CREATE INDEX "observations_patientId_category_effectiveAt_idx" ON "observations"("patientId", "category", "effectiveAt");

-- CreateIndex
CREATE UNIQUE INDEX "observations_sourceSystem_sourceId_key" ON "observations"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "reports_patientId_issuedAt_idx" ON "reports"("patientId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "reports_sourceSystem_sourceId_key" ON "reports"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "procedures_patientId_performedStart_idx" ON "procedures"("patientId", "performedStart");

-- CreateIndex
CREATE UNIQUE INDEX "procedures_sourceSystem_sourceId_key" ON "procedures"("sourceSystem", "sourceId");

-- CreateIndex
CREATE INDEX "medications_patientId_startDate_idx" ON "medications"("patientId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "medications_sourceSystem_sourceId_key" ON "medications"("sourceSystem", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "imaging_studies_studyInstanceUid_key" ON "imaging_studies"("studyInstanceUid");

-- CreateIndex
CREATE INDEX "imaging_studies_patientId_studyDate_idx" ON "imaging_studies"("patientId", "studyDate");

-- CreateIndex
CREATE UNIQUE INDEX "imaging_series_seriesInstanceUid_key" ON "imaging_series"("seriesInstanceUid");

-- CreateIndex
CREATE INDEX "imaging_series_studyId_idx" ON "imaging_series"("studyId");

-- CreateIndex
CREATE UNIQUE INDEX "imaging_instances_sopInstanceUid_key" ON "imaging_instances"("sopInstanceUid");

-- CreateIndex
CREATE INDEX "imaging_instances_seriesId_instanceNumber_idx" ON "imaging_instances"("seriesId", "instanceNumber");

-- CreateIndex
CREATE INDEX "imaging_instances_fileSha256_idx" ON "imaging_instances"("fileSha256");

-- CreateIndex
CREATE INDEX "model_versions_modelKey_status_idx" ON "model_versions"("modelKey", "status");

-- CreateIndex
CREATE UNIQUE INDEX "model_versions_modelKey_semver_key" ON "model_versions"("modelKey", "semver");

-- CreateIndex
CREATE INDEX "inference_results_caseId_createdAt_idx" ON "inference_results"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "inference_results_modelVersionId_idx" ON "inference_results"("modelVersionId");

-- CreateIndex
CREATE INDEX "decisions_meetingId_idx" ON "decisions"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_caseId_meetingId_key" ON "decisions"("caseId", "meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "decision_versions_decisionId_number_key" ON "decision_versions"("decisionId", "number");

-- CreateIndex
CREATE INDEX "audit_events_occurredAt_idx" ON "audit_events"("occurredAt");

-- CreateIndex
CREATE INDEX "audit_events_actorId_occurredAt_idx" ON "audit_events"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "audit_events_patientId_occurredAt_idx" ON "audit_events"("patientId", "occurredAt");

-- CreateIndex
CREATE INDEX "audit_events_action_occurredAt_idx" ON "audit_events"("action", "occurredAt");

-- CreateIndex
CREATE INDEX "audit_events_entityType_entityId_idx" ON "audit_events"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "external_identities" ADD CONSTRAINT "external_identities_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "boards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_referringUserId_fkey" FOREIGN KEY ("referringUserId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_memberships" ADD CONSTRAINT "board_memberships_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "boards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_memberships" ADD CONSTRAINT "board_memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "boards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conditions" ADD CONSTRAINT "conditions_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observations" ADD CONSTRAINT "observations_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "medications" ADD CONSTRAINT "medications_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imaging_studies" ADD CONSTRAINT "imaging_studies_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imaging_series" ADD CONSTRAINT "imaging_series_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "imaging_studies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "imaging_instances" ADD CONSTRAINT "imaging_instances_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "imaging_series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inference_results" ADD CONSTRAINT "inference_results_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "model_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inference_results" ADD CONSTRAINT "inference_results_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inference_results" ADD CONSTRAINT "inference_results_triggeredById_fkey" FOREIGN KEY ("triggeredById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_versions" ADD CONSTRAINT "decision_versions_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_versions" ADD CONSTRAINT "decision_versions_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
