-- CreateEnum
CREATE TYPE "RingStrategy" AS ENUM ('SEQUENTIAL', 'SIMULTANEOUS');

-- CreateEnum
CREATE TYPE "HuntStrategy" AS ENUM ('RING_ALL', 'IN_ORDER', 'ROUND_ROBIN', 'LEAST_USED', 'RANDOM');

-- CreateEnum
CREATE TYPE "LeastUsedMeasure" AS ENUM ('ANSWERED_TODAY', 'LONGEST_IDLE');

-- AlterEnum
ALTER TYPE "DidTargetType" ADD VALUE 'HUNT_GROUP';

-- AlterTable
ALTER TABLE "Extension" ADD COLUMN     "doNotDisturb" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "followMeEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "followMeRingSelfSec" INTEGER,
ADD COLUMN     "followMeStrategy" "RingStrategy" NOT NULL DEFAULT 'SEQUENTIAL',
ADD COLUMN     "forwardAlways" JSONB,
ADD COLUMN     "forwardBusy" JSONB,
ADD COLUMN     "forwardNoAnswer" JSONB;

-- AlterTable
ALTER TABLE "Did" ADD COLUMN     "targetHuntGroupId" TEXT;

-- AlterTable
ALTER TABLE "CallRecord" ADD COLUMN     "answeredBy" TEXT,
ADD COLUMN     "answeredByExtensionId" TEXT,
ADD COLUMN     "forwardedVia" TEXT;

-- CreateTable
CREATE TABLE "FollowMeStep" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "extensionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "destination" JSONB NOT NULL,
    "ringSec" INTEGER NOT NULL DEFAULT 20,
    "confirmAnswer" BOOLEAN NOT NULL DEFAULT false,
    "activePeriod" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowMeStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HuntGroup" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "strategy" "HuntStrategy" NOT NULL DEFAULT 'RING_ALL',
    "leastUsedBy" "LeastUsedMeasure" NOT NULL DEFAULT 'ANSWERED_TODAY',
    "ringSec" INTEGER NOT NULL DEFAULT 60,
    "allowCallWaiting" BOOLEAN NOT NULL DEFAULT false,
    "overflow" JSONB,
    "roundRobinCursor" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HuntGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HuntGroupMember" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "huntGroupId" TEXT NOT NULL,
    "extensionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "ringSec" INTEGER NOT NULL DEFAULT 20,

    CONSTRAINT "HuntGroupMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallRule" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "didId" TEXT,
    "extensionId" TEXT,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "period" JSONB,
    "callerFilter" JSONB,
    "dialledFilter" JSONB,
    "action" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FollowMeStep_tenantId_extensionId_position_idx" ON "FollowMeStep"("tenantId", "extensionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "FollowMeStep_tenantId_id_key" ON "FollowMeStep"("tenantId", "id");

-- CreateIndex
CREATE INDEX "HuntGroup_tenantId_idx" ON "HuntGroup"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "HuntGroup_tenantId_number_key" ON "HuntGroup"("tenantId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "HuntGroup_tenantId_id_key" ON "HuntGroup"("tenantId", "id");

-- CreateIndex
CREATE INDEX "HuntGroupMember_tenantId_huntGroupId_position_idx" ON "HuntGroupMember"("tenantId", "huntGroupId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "HuntGroupMember_huntGroupId_extensionId_key" ON "HuntGroupMember"("huntGroupId", "extensionId");

-- CreateIndex
CREATE UNIQUE INDEX "HuntGroupMember_tenantId_id_key" ON "HuntGroupMember"("tenantId", "id");

-- CreateIndex
CREATE INDEX "CallRule_tenantId_didId_position_idx" ON "CallRule"("tenantId", "didId", "position");

-- CreateIndex
CREATE INDEX "CallRule_tenantId_extensionId_position_idx" ON "CallRule"("tenantId", "extensionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CallRule_tenantId_id_key" ON "CallRule"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_tenantId_date_key" ON "Holiday"("tenantId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_tenantId_id_key" ON "Holiday"("tenantId", "id");

-- CreateIndex
CREATE INDEX "CallRecord_tenantId_answeredByExtensionId_endedAt_idx" ON "CallRecord"("tenantId", "answeredByExtensionId", "endedAt");

-- AddForeignKey
ALTER TABLE "FollowMeStep" ADD CONSTRAINT "FollowMeStep_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowMeStep" ADD CONSTRAINT "FollowMeStep_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "Extension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HuntGroup" ADD CONSTRAINT "HuntGroup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HuntGroupMember" ADD CONSTRAINT "HuntGroupMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HuntGroupMember" ADD CONSTRAINT "HuntGroupMember_huntGroupId_fkey" FOREIGN KEY ("huntGroupId") REFERENCES "HuntGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HuntGroupMember" ADD CONSTRAINT "HuntGroupMember_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "Extension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallRule" ADD CONSTRAINT "CallRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallRule" ADD CONSTRAINT "CallRule_didId_fkey" FOREIGN KEY ("didId") REFERENCES "Did"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallRule" ADD CONSTRAINT "CallRule_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "Extension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_targetHuntGroupId_fkey" FOREIGN KEY ("targetHuntGroupId") REFERENCES "HuntGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: references inside one company stay inside it, whatever a bug in the app does.
ALTER TABLE "FollowMeStep" ADD CONSTRAINT "FollowMeStep_same_tenant_extension" FOREIGN KEY ("tenantId", "extensionId") REFERENCES "Extension"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HuntGroupMember" ADD CONSTRAINT "HuntGroupMember_same_tenant_extension" FOREIGN KEY ("tenantId", "extensionId") REFERENCES "Extension"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HuntGroupMember" ADD CONSTRAINT "HuntGroupMember_same_tenant_group" FOREIGN KEY ("tenantId", "huntGroupId") REFERENCES "HuntGroup"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CallRule" ADD CONSTRAINT "CallRule_same_tenant_extension" FOREIGN KEY ("tenantId", "extensionId") REFERENCES "Extension"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
-- A number changing hands must drop its rules first (cancel.ts does): RESTRICT makes sure.
ALTER TABLE "CallRule" ADD CONSTRAINT "CallRule_same_tenant_did" FOREIGN KEY ("tenantId", "didId") REFERENCES "Did"("tenantId", "id") ON DELETE CASCADE ON UPDATE RESTRICT;
ALTER TABLE "CallRule" ADD CONSTRAINT "CallRule_one_owner" CHECK (num_nonnulls("didId", "extensionId") = 1);
ALTER TABLE "FollowMeStep" ADD CONSTRAINT "FollowMeStep_ring_sec" CHECK ("ringSec" BETWEEN 5 AND 300);
ALTER TABLE "HuntGroupMember" ADD CONSTRAINT "HuntGroupMember_ring_sec" CHECK ("ringSec" BETWEEN 5 AND 300);
ALTER TABLE "HuntGroup" ADD CONSTRAINT "HuntGroup_ring_sec" CHECK ("ringSec" BETWEEN 5 AND 600);
ALTER TABLE "HuntGroup" ADD CONSTRAINT "HuntGroup_cursor_not_negative" CHECK ("roundRobinCursor" >= 0);
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_ring_self_sec" CHECK ("followMeRingSelfSec" IS NULL OR "followMeRingSelfSec" BETWEEN 5 AND 300);
