-- CreateEnum
CREATE TYPE "DidState" AS ENUM ('AVAILABLE', 'RESERVED', 'ASSIGNED', 'QUARANTINED', 'RETIRED');

-- CreateEnum
CREATE TYPE "DidSource" AS ENUM ('INVENTORY', 'SUPPLIER');

-- CreateEnum
CREATE TYPE "DidSupplierKind" AS ENUM ('TELNYX');

-- CreateEnum
CREATE TYPE "NumberPurchaseStatus" AS ENUM ('PENDING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "DidTargetType" ADD VALUE 'FAX';

-- DropForeignKey
ALTER TABLE "Did" DROP CONSTRAINT "Did_tenantId_fkey";

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "allowUnverifiedMobileCli" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "didQuarantineDays" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "Did" ADD COLUMN     "area" TEXT,
ADD COLUMN     "countryIso" TEXT NOT NULL DEFAULT 'GB',
ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'GBP',
ADD COLUMN     "monthlyPrice" DECIMAL(12,5) NOT NULL DEFAULT 0,
ADD COLUMN     "numberType" TEXT,
ADD COLUMN     "partnerId" TEXT,
ADD COLUMN     "quarantinedUntil" TIMESTAMP(3),
ADD COLUMN     "setupPrice" DECIMAL(12,5) NOT NULL DEFAULT 0,
ADD COLUMN     "source" "DidSource" NOT NULL DEFAULT 'INVENTORY',
ADD COLUMN     "state" "DidState" NOT NULL DEFAULT 'AVAILABLE',
ADD COLUMN     "supplierId" TEXT,
ADD COLUMN     "supplierNumberId" TEXT,
ADD COLUMN     "supplierReleasedAt" TIMESTAMP(3),
ADD COLUMN     "targetSipAccountId" TEXT,
ALTER COLUMN "tenantId" DROP NOT NULL;

-- Numbers that existed were all some customer's: they belong to its partner, and are assigned.
UPDATE "Did" d SET "partnerId" = t."partnerId", "state" = 'ASSIGNED' FROM "Tenant" t WHERE t."id" = d."tenantId";
ALTER TABLE "Did" ALTER COLUMN "partnerId" SET NOT NULL;
-- A number is a customer's exactly when it is assigned: no state can strand or leak one.
ALTER TABLE "Did" ADD CONSTRAINT "Did_assigned_has_tenant" CHECK (("state" = 'ASSIGNED') = ("tenantId" IS NOT NULL));

-- AlterTable
ALTER TABLE "RecurringCharge" ADD COLUMN     "numberPurchaseId" TEXT,
ALTER COLUMN "sipAccountId" DROP NOT NULL;
-- A charge is for one account or one number, never both or neither.
ALTER TABLE "RecurringCharge" ADD CONSTRAINT "RecurringCharge_one_subject" CHECK (num_nonnulls("sipAccountId", "numberPurchaseId") = 1);

-- CreateTable
CREATE TABLE "DidTier" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "setupPremium" DECIMAL(12,5) NOT NULL DEFAULT 0,
    "monthlyPremium" DECIMAL(12,5) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DidTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DidPrice" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "countryIso" TEXT NOT NULL,
    "setupPrice" DECIMAL(12,5) NOT NULL,
    "monthlyPrice" DECIMAL(12,5) NOT NULL,
    "currency" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DidPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DidSupplier" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "kind" "DidSupplierKind" NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "apiKeySealed" TEXT NOT NULL,
    "apiKeyHint" TEXT NOT NULL,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DidSupplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumberPurchase" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "didId" TEXT,
    "number" TEXT NOT NULL,
    "tierName" TEXT,
    "setupFee" DECIMAL(12,5) NOT NULL,
    "monthlyFee" DECIMAL(12,5) NOT NULL,
    "currency" TEXT NOT NULL,
    "source" "DidSource" NOT NULL,
    "supplierId" TEXT,
    "supplierReference" TEXT,
    "supplierOrderId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "status" "NumberPurchaseStatus" NOT NULL DEFAULT 'PENDING',
    "failureReason" TEXT,
    "needsSupplierCheck" BOOLEAN NOT NULL DEFAULT false,
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "NumberPurchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsGateway" (
    "partnerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'TWILIO',
    "baseUrl" TEXT NOT NULL,
    "accountSid" TEXT NOT NULL,
    "authTokenSealed" TEXT NOT NULL,
    "fromNumber" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmsGateway_pkey" PRIMARY KEY ("partnerId")
);

-- CreateTable
CREATE TABLE "SmsMessage" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "tenantId" TEXT,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "providerMessageId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MobileVerification" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MobileVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerifiedMobile" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "verifiedByUserId" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerifiedMobile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DidTier_partnerId_name_key" ON "DidTier"("partnerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "DidTier_partnerId_rank_key" ON "DidTier"("partnerId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "DidPrice_partnerId_countryIso_key" ON "DidPrice"("partnerId", "countryIso");

-- CreateIndex
CREATE UNIQUE INDEX "DidSupplier_partnerId_name_key" ON "DidSupplier"("partnerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "NumberPurchase_supplierReference_key" ON "NumberPurchase"("supplierReference");

-- CreateIndex
CREATE INDEX "NumberPurchase_tenantId_createdAt_idx" ON "NumberPurchase"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "NumberPurchase_status_createdAt_idx" ON "NumberPurchase"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NumberPurchase_tenantId_idempotencyKey_key" ON "NumberPurchase"("tenantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "NumberPurchase_tenantId_id_key" ON "NumberPurchase"("tenantId", "id");

-- CreateIndex
CREATE INDEX "SmsMessage_partnerId_createdAt_idx" ON "SmsMessage"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "MobileVerification_number_createdAt_idx" ON "MobileVerification"("number", "createdAt");

-- CreateIndex
CREATE INDEX "MobileVerification_tenantId_userId_createdAt_idx" ON "MobileVerification"("tenantId", "userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MobileVerification_tenantId_id_key" ON "MobileVerification"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "VerifiedMobile_tenantId_number_key" ON "VerifiedMobile"("tenantId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "VerifiedMobile_tenantId_id_key" ON "VerifiedMobile"("tenantId", "id");

-- CreateIndex
CREATE INDEX "Did_partnerId_state_countryIso_idx" ON "Did"("partnerId", "state", "countryIso");

-- CreateIndex
CREATE UNIQUE INDEX "RecurringCharge_numberPurchaseId_period_key" ON "RecurringCharge"("numberPurchaseId", "period");

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_targetSipAccountId_fkey" FOREIGN KEY ("targetSipAccountId") REFERENCES "SipAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "DidSupplier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidTier" ADD CONSTRAINT "DidTier_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidPrice" ADD CONSTRAINT "DidPrice_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DidSupplier" ADD CONSTRAINT "DidSupplier_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberPurchase" ADD CONSTRAINT "NumberPurchase_money_not_negative" CHECK ("setupFee" >= 0 AND "monthlyFee" >= 0);

-- AddForeignKey
ALTER TABLE "NumberPurchase" ADD CONSTRAINT "NumberPurchase_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberPurchase" ADD CONSTRAINT "NumberPurchase_didId_fkey" FOREIGN KEY ("didId") REFERENCES "Did"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberPurchase" ADD CONSTRAINT "NumberPurchase_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "DidSupplier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecurringCharge" ADD CONSTRAINT "RecurringCharge_numberPurchaseId_fkey" FOREIGN KEY ("numberPurchaseId") REFERENCES "NumberPurchase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsGateway" ADD CONSTRAINT "SmsGateway_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmsMessage" ADD CONSTRAINT "SmsMessage_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MobileVerification" ADD CONSTRAINT "MobileVerification_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerifiedMobile" ADD CONSTRAINT "VerifiedMobile_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

