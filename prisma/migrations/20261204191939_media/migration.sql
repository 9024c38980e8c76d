-- CreateEnum
CREATE TYPE "VoicePromptSource" AS ENUM ('UPLOAD', 'TTS');

-- CreateEnum
CREATE TYPE "QueueEmptyAction" AS ENUM ('WAIT', 'LEAVE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DidTargetType" ADD VALUE 'IVR';
ALTER TYPE "DidTargetType" ADD VALUE 'QUEUE';

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "recordingRetentionDays" INTEGER DEFAULT 90;

-- AlterTable
ALTER TABLE "SipAccount" ADD COLUMN     "recordAnnouncement" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recordAnnouncementPromptId" TEXT,
ADD COLUMN     "recordIncomingExternal" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recordIncomingInternal" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recordOutgoingExternal" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recordOutgoingInternal" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Did" ADD COLUMN     "targetIvrMenuId" TEXT,
ADD COLUMN     "targetQueueId" TEXT;

-- CreateTable
CREATE TABLE "VoicePrompt" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "source" "VoicePromptSource" NOT NULL,
    "originalName" TEXT,
    "originalType" TEXT NOT NULL,
    "ttsText" TEXT,
    "durationMs" INTEGER NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "fileKey" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VoicePrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IvrMenu" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "introPromptId" TEXT,
    "menuPromptId" TEXT,
    "invalidPromptId" TEXT,
    "timeoutPromptId" TEXT,
    "postSelectionPromptId" TEXT,
    "inactivePromptId" TEXT,
    "activePeriod" JSONB,
    "inactiveAction" JSONB,
    "digitTimeoutSec" INTEGER NOT NULL DEFAULT 5,
    "maxRetries" INTEGER NOT NULL DEFAULT 3,
    "afterRetries" JSONB,
    "directDial" BOOLEAN NOT NULL DEFAULT false,
    "faxDestination" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IvrMenu_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IvrOption" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "ivrMenuId" TEXT NOT NULL,
    "digit" TEXT NOT NULL,
    "destination" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IvrOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallQueue" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "strategy" "HuntStrategy" NOT NULL DEFAULT 'RING_ALL',
    "leastUsedBy" "LeastUsedMeasure" NOT NULL DEFAULT 'LONGEST_IDLE',
    "memberRingSec" INTEGER NOT NULL DEFAULT 15,
    "retrySec" INTEGER NOT NULL DEFAULT 5,
    "maxWaitSec" INTEGER NOT NULL DEFAULT 300,
    "timeoutDestination" JSONB,
    "holdPromptId" TEXT,
    "announcePosition" BOOLEAN NOT NULL DEFAULT true,
    "announceWaitTime" BOOLEAN NOT NULL DEFAULT true,
    "announceEverySec" INTEGER NOT NULL DEFAULT 60,
    "whenNoMembers" "QueueEmptyAction" NOT NULL DEFAULT 'WAIT',
    "noMembersDestination" JSONB,
    "roundRobinCursor" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallQueue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallQueueMember" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "extensionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "isLoggedIn" BOOLEAN NOT NULL DEFAULT true,
    "loginChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallQueueMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueueWaitingCall" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "callerLabel" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QueueWaitingCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recording" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "extensionId" TEXT,
    "direction" "CallDirection" NOT NULL,
    "callerNumber" TEXT NOT NULL,
    "calledNumber" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "fileKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VoicePrompt_fileKey_key" ON "VoicePrompt"("fileKey");

-- CreateIndex
CREATE INDEX "VoicePrompt_tenantId_idx" ON "VoicePrompt"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "VoicePrompt_tenantId_name_key" ON "VoicePrompt"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "VoicePrompt_tenantId_id_key" ON "VoicePrompt"("tenantId", "id");

-- CreateIndex
CREATE INDEX "IvrMenu_tenantId_idx" ON "IvrMenu"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "IvrMenu_tenantId_name_key" ON "IvrMenu"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "IvrMenu_tenantId_id_key" ON "IvrMenu"("tenantId", "id");

-- CreateIndex
CREATE INDEX "IvrOption_tenantId_ivrMenuId_idx" ON "IvrOption"("tenantId", "ivrMenuId");

-- CreateIndex
CREATE UNIQUE INDEX "IvrOption_ivrMenuId_digit_key" ON "IvrOption"("ivrMenuId", "digit");

-- CreateIndex
CREATE UNIQUE INDEX "IvrOption_tenantId_id_key" ON "IvrOption"("tenantId", "id");

-- CreateIndex
CREATE INDEX "CallQueue_tenantId_idx" ON "CallQueue"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "CallQueue_tenantId_number_key" ON "CallQueue"("tenantId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CallQueue_tenantId_id_key" ON "CallQueue"("tenantId", "id");

-- CreateIndex
CREATE INDEX "CallQueueMember_tenantId_queueId_position_idx" ON "CallQueueMember"("tenantId", "queueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CallQueueMember_queueId_extensionId_key" ON "CallQueueMember"("queueId", "extensionId");

-- CreateIndex
CREATE UNIQUE INDEX "CallQueueMember_tenantId_id_key" ON "CallQueueMember"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "QueueWaitingCall_channelId_key" ON "QueueWaitingCall"("channelId");

-- CreateIndex
CREATE INDEX "QueueWaitingCall_tenantId_queueId_joinedAt_idx" ON "QueueWaitingCall"("tenantId", "queueId", "joinedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QueueWaitingCall_tenantId_id_key" ON "QueueWaitingCall"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Recording_fileKey_key" ON "Recording"("fileKey");

-- CreateIndex
CREATE INDEX "Recording_tenantId_startedAt_idx" ON "Recording"("tenantId", "startedAt");

-- CreateIndex
CREATE INDEX "Recording_tenantId_extensionId_startedAt_idx" ON "Recording"("tenantId", "extensionId", "startedAt");

-- CreateIndex
CREATE INDEX "Recording_channelId_idx" ON "Recording"("channelId");

-- CreateIndex
CREATE UNIQUE INDEX "Recording_tenantId_id_key" ON "Recording"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "SipAccount" ADD CONSTRAINT "SipAccount_recordAnnouncementPromptId_fkey" FOREIGN KEY ("recordAnnouncementPromptId") REFERENCES "VoicePrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_targetIvrMenuId_fkey" FOREIGN KEY ("targetIvrMenuId") REFERENCES "IvrMenu"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_targetQueueId_fkey" FOREIGN KEY ("targetQueueId") REFERENCES "CallQueue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoicePrompt" ADD CONSTRAINT "VoicePrompt_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_introPromptId_fkey" FOREIGN KEY ("introPromptId") REFERENCES "VoicePrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_menuPromptId_fkey" FOREIGN KEY ("menuPromptId") REFERENCES "VoicePrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_invalidPromptId_fkey" FOREIGN KEY ("invalidPromptId") REFERENCES "VoicePrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_timeoutPromptId_fkey" FOREIGN KEY ("timeoutPromptId") REFERENCES "VoicePrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_postSelectionPromptId_fkey" FOREIGN KEY ("postSelectionPromptId") REFERENCES "VoicePrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_inactivePromptId_fkey" FOREIGN KEY ("inactivePromptId") REFERENCES "VoicePrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrOption" ADD CONSTRAINT "IvrOption_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IvrOption" ADD CONSTRAINT "IvrOption_ivrMenuId_fkey" FOREIGN KEY ("ivrMenuId") REFERENCES "IvrMenu"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallQueue" ADD CONSTRAINT "CallQueue_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallQueue" ADD CONSTRAINT "CallQueue_holdPromptId_fkey" FOREIGN KEY ("holdPromptId") REFERENCES "VoicePrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallQueueMember" ADD CONSTRAINT "CallQueueMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallQueueMember" ADD CONSTRAINT "CallQueueMember_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "CallQueue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallQueueMember" ADD CONSTRAINT "CallQueueMember_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "Extension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueWaitingCall" ADD CONSTRAINT "QueueWaitingCall_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueWaitingCall" ADD CONSTRAINT "QueueWaitingCall_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "CallQueue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: references inside one company stay inside it, whatever a bug in the app does.
ALTER TABLE "IvrOption" ADD CONSTRAINT "IvrOption_same_tenant_menu" FOREIGN KEY ("tenantId", "ivrMenuId") REFERENCES "IvrMenu"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CallQueueMember" ADD CONSTRAINT "CallQueueMember_same_tenant_queue" FOREIGN KEY ("tenantId", "queueId") REFERENCES "CallQueue"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CallQueueMember" ADD CONSTRAINT "CallQueueMember_same_tenant_extension" FOREIGN KEY ("tenantId", "extensionId") REFERENCES "Extension"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "QueueWaitingCall" ADD CONSTRAINT "QueueWaitingCall_same_tenant_queue" FOREIGN KEY ("tenantId", "queueId") REFERENCES "CallQueue"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
-- A deleted menu, queue or prompt clears only the column that named it (PostgreSQL 15+ column lists).
ALTER TABLE "Did" ADD CONSTRAINT "Did_same_tenant_ivr_menu" FOREIGN KEY ("tenantId", "targetIvrMenuId") REFERENCES "IvrMenu"("tenantId", "id") ON DELETE SET NULL ("targetIvrMenuId") ON UPDATE RESTRICT;
ALTER TABLE "Did" ADD CONSTRAINT "Did_same_tenant_queue" FOREIGN KEY ("tenantId", "targetQueueId") REFERENCES "CallQueue"("tenantId", "id") ON DELETE SET NULL ("targetQueueId") ON UPDATE RESTRICT;
ALTER TABLE "CallQueue" ADD CONSTRAINT "CallQueue_same_tenant_hold_prompt" FOREIGN KEY ("tenantId", "holdPromptId") REFERENCES "VoicePrompt"("tenantId", "id") ON DELETE SET NULL ("holdPromptId") ON UPDATE CASCADE;
ALTER TABLE "SipAccount" ADD CONSTRAINT "SipAccount_same_tenant_announcement" FOREIGN KEY ("tenantId", "recordAnnouncementPromptId") REFERENCES "VoicePrompt"("tenantId", "id") ON DELETE SET NULL ("recordAnnouncementPromptId") ON UPDATE CASCADE;
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_same_tenant_introPromptId" FOREIGN KEY ("tenantId", "introPromptId") REFERENCES "VoicePrompt"("tenantId", "id") ON DELETE SET NULL ("introPromptId") ON UPDATE CASCADE;
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_same_tenant_menuPromptId" FOREIGN KEY ("tenantId", "menuPromptId") REFERENCES "VoicePrompt"("tenantId", "id") ON DELETE SET NULL ("menuPromptId") ON UPDATE CASCADE;
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_same_tenant_invalidPromptId" FOREIGN KEY ("tenantId", "invalidPromptId") REFERENCES "VoicePrompt"("tenantId", "id") ON DELETE SET NULL ("invalidPromptId") ON UPDATE CASCADE;
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_same_tenant_timeoutPromptId" FOREIGN KEY ("tenantId", "timeoutPromptId") REFERENCES "VoicePrompt"("tenantId", "id") ON DELETE SET NULL ("timeoutPromptId") ON UPDATE CASCADE;
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_same_tenant_postSelectionPromptId" FOREIGN KEY ("tenantId", "postSelectionPromptId") REFERENCES "VoicePrompt"("tenantId", "id") ON DELETE SET NULL ("postSelectionPromptId") ON UPDATE CASCADE;
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_same_tenant_inactivePromptId" FOREIGN KEY ("tenantId", "inactivePromptId") REFERENCES "VoicePrompt"("tenantId", "id") ON DELETE SET NULL ("inactivePromptId") ON UPDATE CASCADE;
-- Bounds the forms enforce, kept by the database too.
ALTER TABLE "IvrOption" ADD CONSTRAINT "IvrOption_digit" CHECK ("digit" ~ '^[0-9*#]$');
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_digit_timeout" CHECK ("digitTimeoutSec" BETWEEN 1 AND 30);
ALTER TABLE "IvrMenu" ADD CONSTRAINT "IvrMenu_max_retries" CHECK ("maxRetries" BETWEEN 0 AND 10);
ALTER TABLE "CallQueue" ADD CONSTRAINT "CallQueue_member_ring_sec" CHECK ("memberRingSec" BETWEEN 5 AND 300);
ALTER TABLE "CallQueue" ADD CONSTRAINT "CallQueue_retry_sec" CHECK ("retrySec" BETWEEN 0 AND 60);
ALTER TABLE "CallQueue" ADD CONSTRAINT "CallQueue_max_wait_sec" CHECK ("maxWaitSec" BETWEEN 10 AND 7200);
ALTER TABLE "CallQueue" ADD CONSTRAINT "CallQueue_announce_every_sec" CHECK ("announceEverySec" BETWEEN 15 AND 600);
ALTER TABLE "CallQueue" ADD CONSTRAINT "CallQueue_cursor_not_negative" CHECK ("roundRobinCursor" >= 0);
ALTER TABLE "VoicePrompt" ADD CONSTRAINT "VoicePrompt_size" CHECK ("sizeBytes" > 0 AND "durationMs" >= 0);
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_size" CHECK ("sizeBytes" >= 0 AND "durationMs" >= 0);
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_recording_retention_days" CHECK ("recordingRetentionDays" IS NULL OR "recordingRetentionDays" BETWEEN 1 AND 3650);
