-- CreateEnum
CREATE TYPE "CallCostVisibility" AS ENUM ('HIDDEN', 'ADMINS', 'EVERYONE');

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "callCostVisibility" "CallCostVisibility" NOT NULL DEFAULT 'ADMINS';

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "callCostVisibility" "CallCostVisibility",
ADD COLUMN     "creditLimit" DECIMAL(12,5) NOT NULL DEFAULT 0,
ADD COLUMN     "isPrepaid" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "showCallCosts" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "SipAccount" ADD COLUMN     "showCallCosts" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "ownerUserId" TEXT,
    "name" TEXT NOT NULL,
    "company" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactNumber" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ContactNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpeedDial" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpeedDial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallDailyRollup" (
    "tenantId" TEXT NOT NULL,
    "extensionId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "missed" INTEGER NOT NULL DEFAULT 0,
    "busy" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "talkSec" BIGINT NOT NULL DEFAULT 0,
    "ringSec" BIGINT NOT NULL DEFAULT 0,
    "cost" DECIMAL(16,5) NOT NULL DEFAULT 0,

    CONSTRAINT "CallDailyRollup_pkey" PRIMARY KEY ("tenantId","extensionId","day","direction")
);

-- CreateIndex
CREATE INDEX "Contact_tenantId_ownerUserId_name_idx" ON "Contact"("tenantId", "ownerUserId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_tenantId_id_key" ON "Contact"("tenantId", "id");

-- CreateIndex
CREATE INDEX "ContactNumber_tenantId_number_idx" ON "ContactNumber"("tenantId", "number");

-- CreateIndex
CREATE INDEX "ContactNumber_contactId_position_idx" ON "ContactNumber"("contactId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ContactNumber_tenantId_id_key" ON "ContactNumber"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SpeedDial_tenantId_code_key" ON "SpeedDial"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SpeedDial_tenantId_id_key" ON "SpeedDial"("tenantId", "id");

-- CreateIndex
CREATE INDEX "CallDailyRollup_tenantId_day_idx" ON "CallDailyRollup"("tenantId", "day");

-- CreateIndex
CREATE INDEX "CallRecord_tenantId_startedAt_id_idx" ON "CallRecord"("tenantId", "startedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CallRecord_tenantId_extensionId_startedAt_idx" ON "CallRecord"("tenantId", "extensionId", "startedAt" DESC);

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactNumber" ADD CONSTRAINT "ContactNumber_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactNumber" ADD CONSTRAINT "ContactNumber_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeedDial" ADD CONSTRAINT "SpeedDial_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallDailyRollup" ADD CONSTRAINT "CallDailyRollup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: references inside one company stay inside it; bounds the forms enforce.
ALTER TABLE "ContactNumber" ADD CONSTRAINT "ContactNumber_same_tenant_contact" FOREIGN KEY ("tenantId", "contactId") REFERENCES "Contact"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ContactNumber" ADD CONSTRAINT "ContactNumber_e164" CHECK ("number" ~ '^\+[1-9][0-9]{5,14}$');
ALTER TABLE "SpeedDial" ADD CONSTRAINT "SpeedDial_code" CHECK ("code" ~ '^\*?[0-9]{1,4}$');
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_credit_limit_not_negative" CHECK ("creditLimit" >= 0);
