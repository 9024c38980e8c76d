-- CreateEnum
CREATE TYPE "TopUpStatus" AS ENUM ('PENDING', 'CREDITED', 'REFUSED');

-- CreateEnum
CREATE TYPE "TopUpRefusalReason" AS ENUM ('UNKNOWN_SESSION', 'INVALID_AMOUNT', 'CURRENCY_MISMATCH', 'AMOUNT_MISMATCH', 'ALREADY_CREDITED', 'ALREADY_REFUSED');

-- CreateTable
CREATE TABLE "TopUp" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "amount" DECIMAL(16,5) NOT NULL,
    "currency" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "stripeSessionId" TEXT,
    "requestedByUserId" TEXT,
    "status" "TopUpStatus" NOT NULL DEFAULT 'PENDING',
    "refusalReason" "TopUpRefusalReason",
    "ledgerEntryId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "creditedAt" TIMESTAMP(3),
    "refusedAt" TIMESTAMP(3),

    CONSTRAINT "TopUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopUpRefusal" (
    "id" TEXT NOT NULL,
    "stripeEventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "stripeSessionId" TEXT NOT NULL,
    "reason" "TopUpRefusalReason" NOT NULL,
    "topUpId" TEXT,
    "tenantId" TEXT,
    "claimedTenantIds" TEXT[],
    "reportedAmountMinor" BIGINT,
    "reportedCurrency" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopUpRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TopUp_stripeSessionId_key" ON "TopUp"("stripeSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "TopUp_ledgerEntryId_key" ON "TopUp"("ledgerEntryId");

-- CreateIndex
CREATE INDEX "TopUp_tenantId_createdAt_idx" ON "TopUp"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TopUp_tenantId_id_key" ON "TopUp"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "TopUpRefusal_stripeEventId_key" ON "TopUpRefusal"("stripeEventId");

-- CreateIndex
CREATE INDEX "TopUpRefusal_tenantId_createdAt_idx" ON "TopUpRefusal"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "TopUpRefusal_createdAt_idx" ON "TopUpRefusal"("createdAt");

-- CreateIndex
CREATE INDEX "TopUpRefusal_claimedTenantIds_idx" ON "TopUpRefusal" USING GIN ("claimedTenantIds");

-- AddForeignKey
ALTER TABLE "TopUp" ADD CONSTRAINT "TopUp_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopUp" ADD CONSTRAINT "TopUp_requestedByUserId_fkey" FOREIGN KEY ("requestedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopUpRefusal" ADD CONSTRAINT "TopUpRefusal_topUpId_fkey" FOREIGN KEY ("topUpId") REFERENCES "TopUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopUpRefusal" ADD CONSTRAINT "TopUpRefusal_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: invariants the webhook relies on, which Prisma's schema cannot express.
-- Only a top-up Stripe knows can leave PENDING; a credited one names its ledger entry.
ALTER TABLE "TopUp" ADD CONSTRAINT "TopUp_amountMinor_positive" CHECK ("amountMinor" > 0);
ALTER TABLE "TopUp" ADD CONSTRAINT "TopUp_settled_has_session" CHECK ("status" = 'PENDING' OR "stripeSessionId" IS NOT NULL);
ALTER TABLE "TopUp" ADD CONSTRAINT "TopUp_credited_has_entry" CHECK (("status" = 'CREDITED') = ("ledgerEntryId" IS NOT NULL));
ALTER TABLE "TopUp" ADD CONSTRAINT "TopUp_refused_has_reason" CHECK (("status" = 'REFUSED') = ("refusalReason" IS NOT NULL));
