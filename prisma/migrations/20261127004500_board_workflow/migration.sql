-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('PREPARATION_REMINDER', 'INFORMATION_REQUESTED', 'REFERRAL_ACCEPTED', 'REFERRAL_REJECTED', 'CASE_POSTPONED', 'AGENDA_PUBLISHED', 'AGENDA_CHANGED', 'MEETING_CANCELLED', 'FOLLOW_UP_DUE');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('AGENDA_HANDOUT', 'CASE_PROTOCOL', 'MEETING_PROTOCOL');

-- AlterTable
ALTER TABLE "agenda_items" ADD COLUMN     "discussionEndedAt" TIMESTAMPTZ(3),
ADD COLUMN     "discussionStartedAt" TIMESTAMPTZ(3),
ADD COLUMN     "statusReason" TEXT;

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "referral" JSONB,
ADD COLUMN     "referredAt" TIMESTAMPTZ(3),
ADD COLUMN     "targetMeetingId" TEXT;

-- AlterTable
ALTER TABLE "meetings" ADD COLUMN     "agendaVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "movedToMeetingId" TEXT,
ADD COLUMN     "publishedAgenda" JSONB;

-- CreateTable
CREATE TABLE "meeting_live_states" (
    "meetingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "currentItemId" TEXT,
    "presenterId" TEXT,
    "view" JSONB,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "meeting_live_states_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "meeting_attendance" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "specialty" "Specialty",
    "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" TIMESTAMPTZ(3),

    CONSTRAINT "meeting_attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_review_marks" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "specialty" "Specialty" NOT NULL,
    "markedById" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_review_marks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "caseId" TEXT,
    "meetingId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "emailStatus" "EmailStatus",
    "emailError" TEXT,
    "emailSentAt" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "generated_documents" (
    "id" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "meetingId" TEXT,
    "caseId" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "generated_documents_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meeting_attendance_userId_idx" ON "meeting_attendance"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_attendance_meetingId_userId_key" ON "meeting_attendance"("meetingId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "case_review_marks_caseId_specialty_key" ON "case_review_marks"("caseId", "specialty");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_createdAt_idx" ON "notifications"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "notifications_caseId_idx" ON "notifications"("caseId");

-- CreateIndex
CREATE INDEX "generated_documents_meetingId_kind_createdAt_idx" ON "generated_documents"("meetingId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "generated_documents_caseId_kind_createdAt_idx" ON "generated_documents"("caseId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "cases_targetMeetingId_idx" ON "cases"("targetMeetingId");

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_targetMeetingId_fkey" FOREIGN KEY ("targetMeetingId") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_movedToMeetingId_fkey" FOREIGN KEY ("movedToMeetingId") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_live_states" ADD CONSTRAINT "meeting_live_states_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_live_states" ADD CONSTRAINT "meeting_live_states_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_review_marks" ADD CONSTRAINT "case_review_marks_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_review_marks" ADD CONSTRAINT "case_review_marks_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_documents" ADD CONSTRAINT "generated_documents_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_documents" ADD CONSTRAINT "generated_documents_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_documents" ADD CONSTRAINT "generated_documents_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Generated documents (agenda handouts, protocols) are never changed once written: their
-- sha256 is in the audit log. A new generation is a new row.
CREATE TRIGGER generated_documents_append_only
  BEFORE UPDATE OR DELETE ON "generated_documents"
  FOR EACH ROW EXECUTE FUNCTION konsil_refuse_change();

CREATE TRIGGER generated_documents_no_truncate
  BEFORE TRUNCATE ON "generated_documents"
  FOR EACH STATEMENT EXECUTE FUNCTION konsil_refuse_change();

-- One review mark per case and specialty is the unique index; the live state's seq only grows.
ALTER TABLE "meeting_live_states" ADD CONSTRAINT "meeting_live_states_seq_nonnegative" CHECK ("seq" >= 0);
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_not_moved_to_itself" CHECK ("movedToMeetingId" IS NULL OR "movedToMeetingId" <> "id");
