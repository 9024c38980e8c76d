-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('CREDIT_STRIPE', 'CREDIT_MANUAL', 'PURCHASE', 'RECURRING', 'CALL');

-- CreateEnum
CREATE TYPE "PurchaseStatus" AS ENUM ('COMPLETED');

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'GBP',
ADD COLUMN     "repriceExistingOnBandChange" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SipAccount" ADD COLUMN     "monthlyPrice" DECIMAL(12,5),
ADD COLUMN     "priceCurrency" TEXT,
ADD COLUMN     "purchaseId" TEXT;

-- CreateTable
CREATE TABLE "AccountPlan" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "tenantId" TEXT,
    "name" TEXT NOT NULL,
    "accountType" "SipAccountType" NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'GBP',
    "setupFee" DECIMAL(12,5) NOT NULL DEFAULT 0,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountPlanBand" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "minQuantity" INTEGER NOT NULL,
    "maxQuantity" INTEGER,
    "monthlyPrice" DECIMAL(12,5) NOT NULL,

    CONSTRAINT "AccountPlanBand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "amount" DECIMAL(16,5) NOT NULL,
    "currency" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "reference" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "actorUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Purchase" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "accountType" "SipAccountType" NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" DECIMAL(12,5) NOT NULL,
    "setupFee" DECIMAL(12,5) NOT NULL,
    "total" DECIMAL(16,5) NOT NULL,
    "currency" TEXT NOT NULL,
    "bandLabel" TEXT NOT NULL,
    "accountPlanId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "status" "PurchaseStatus" NOT NULL DEFAULT 'COMPLETED',
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Purchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "tenantId" TEXT,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecurringCharge" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "sipAccountId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "amount" DECIMAL(12,5) NOT NULL,
    "currency" TEXT NOT NULL,
    "ledgerEntryId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecurringCharge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountPlan_partnerId_accountType_idx" ON "AccountPlan"("partnerId", "accountType");

-- CreateIndex
CREATE UNIQUE INDEX "AccountPlan_partnerId_name_key" ON "AccountPlan"("partnerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "AccountPlan_tenantId_accountType_key" ON "AccountPlan"("tenantId", "accountType");

-- CreateIndex
CREATE UNIQUE INDEX "AccountPlanBand_planId_minQuantity_key" ON "AccountPlanBand"("planId", "minQuantity");

-- CreateIndex
CREATE INDEX "LedgerEntry_tenantId_createdAt_idx" ON "LedgerEntry"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_tenantId_idempotencyKey_key" ON "LedgerEntry"("tenantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_tenantId_id_key" ON "LedgerEntry"("tenantId", "id");

-- CreateIndex
CREATE INDEX "Purchase_tenantId_createdAt_idx" ON "Purchase"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Purchase_tenantId_idempotencyKey_key" ON "Purchase"("tenantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Purchase_tenantId_id_key" ON "Purchase"("tenantId", "id");

-- CreateIndex
CREATE INDEX "RecurringCharge_tenantId_period_idx" ON "RecurringCharge"("tenantId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "RecurringCharge_sipAccountId_period_key" ON "RecurringCharge"("sipAccountId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "RecurringCharge_tenantId_id_key" ON "RecurringCharge"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "SipAccount" ADD CONSTRAINT "SipAccount_purchaseId_fkey" FOREIGN KEY ("purchaseId") REFERENCES "Purchase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountPlan" ADD CONSTRAINT "AccountPlan_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountPlan" ADD CONSTRAINT "AccountPlan_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountPlanBand" ADD CONSTRAINT "AccountPlanBand_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AccountPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecurringCharge" ADD CONSTRAINT "RecurringCharge_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecurringCharge" ADD CONSTRAINT "RecurringCharge_sipAccountId_fkey" FOREIGN KEY ("sipAccountId") REFERENCES "SipAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

