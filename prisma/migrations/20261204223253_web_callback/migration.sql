-- CreateEnum
CREATE TYPE "CallbackSource" AS ENUM ('PORTAL', 'WIDGET', 'API');

-- CreateEnum
CREATE TYPE "CallbackState" AS ENUM ('QUEUED', 'CALLING_FIRST', 'CALLING_SECOND', 'CONNECTED', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "CallbackOrder" AS ENUM ('VISITOR_FIRST', 'COMPANY_FIRST');

-- CreateEnum
CREATE TYPE "CallbackOutsideHours" AS ENUM ('CLOSED', 'NEXT_OPENING', 'ALTERNATE_DESTINATION');

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "callbackAllowedNumberTypes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "callbackBlockedPrefixes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "callbackCountries" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "callbackDailySpendLimit" DECIMAL(12,5) NOT NULL DEFAULT 20,
ADD COLUMN     "callbackMaxConcurrent" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "CallRecord" ADD COLUMN     "callbackRequestId" TEXT;

-- CreateTable
CREATE TABLE "CallbackWidget" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "destination" JSONB NOT NULL,
    "order" "CallbackOrder" NOT NULL DEFAULT 'VISITOR_FIRST',
    "allowedOrigins" TEXT[],
    "openHours" JSONB,
    "outsideHours" "CallbackOutsideHours" NOT NULL DEFAULT 'CLOSED',
    "outsideDestination" JSONB,
    "title" TEXT NOT NULL,
    "introText" TEXT NOT NULL,
    "buttonLabel" TEXT NOT NULL,
    "closedText" TEXT NOT NULL,
    "successText" TEXT NOT NULL,
    "accentColor" TEXT NOT NULL DEFAULT '#1d4ed8',
    "accentTextColor" TEXT NOT NULL DEFAULT '#ffffff',
    "requireCaptcha" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallbackWidget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "sipAccountId" TEXT,
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 60,
    "createdByUserId" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallbackRequest" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "source" "CallbackSource" NOT NULL,
    "widgetId" TEXT,
    "apiKeyId" TEXT,
    "requestedByUserId" TEXT,
    "sipAccountId" TEXT,
    "dialled" TEXT,
    "visitorNumber" TEXT,
    "destination" JSONB,
    "order" "CallbackOrder",
    "state" "CallbackState" NOT NULL DEFAULT 'QUEUED',
    "failureReason" TEXT,
    "failureDetail" TEXT,
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotencyKey" TEXT,
    "requestFingerprint" TEXT,
    "statusTokenHash" TEXT,
    "clientIp" TEXT,
    "claimedBy" TEXT,
    "claimedAt" TIMESTAMP(3),
    "firstChannelId" TEXT,
    "secondChannelId" TEXT,
    "firstAnsweredAt" TIMESTAMP(3),
    "connectedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CallbackRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallbackRefusal" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "source" "CallbackSource" NOT NULL,
    "widgetId" TEXT,
    "apiKeyId" TEXT,
    "userId" TEXT,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "clientIp" TEXT,
    "origin" TEXT,
    "destination" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallbackRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "CallbackWidget_tenantId_idx" ON "CallbackWidget"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "CallbackWidget_tenantId_name_key" ON "CallbackWidget"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CallbackWidget_tenantId_id_key" ON "CallbackWidget"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- CreateIndex
CREATE INDEX "ApiKey_tenantId_idx" ON "ApiKey"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_tenantId_id_key" ON "ApiKey"("tenantId", "id");

-- CreateIndex
CREATE INDEX "CallbackRequest_tenantId_createdAt_idx" ON "CallbackRequest"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "CallbackRequest_state_notBefore_idx" ON "CallbackRequest"("state", "notBefore");

-- CreateIndex
CREATE UNIQUE INDEX "CallbackRequest_apiKeyId_idempotencyKey_key" ON "CallbackRequest"("apiKeyId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "CallbackRequest_tenantId_id_key" ON "CallbackRequest"("tenantId", "id");

-- CreateIndex
CREATE INDEX "CallbackRefusal_tenantId_lastAt_idx" ON "CallbackRefusal"("tenantId", "lastAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CallbackRefusal_tenantId_dedupeKey_minute_key" ON "CallbackRefusal"("tenantId", "dedupeKey", "minute");

-- CreateIndex
CREATE UNIQUE INDEX "CallbackRefusal_tenantId_id_key" ON "CallbackRefusal"("tenantId", "id");

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowStart_idx" ON "RateLimitCounter"("windowStart");

-- CreateIndex
CREATE INDEX "CallRecord_callbackRequestId_idx" ON "CallRecord"("callbackRequestId");

-- AddForeignKey
ALTER TABLE "CallRecord" ADD CONSTRAINT "CallRecord_callbackRequestId_fkey" FOREIGN KEY ("callbackRequestId") REFERENCES "CallbackRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackWidget" ADD CONSTRAINT "CallbackWidget_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_sipAccountId_fkey" FOREIGN KEY ("sipAccountId") REFERENCES "SipAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackRequest" ADD CONSTRAINT "CallbackRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackRequest" ADD CONSTRAINT "CallbackRequest_widgetId_fkey" FOREIGN KEY ("widgetId") REFERENCES "CallbackWidget"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackRequest" ADD CONSTRAINT "CallbackRequest_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackRequest" ADD CONSTRAINT "CallbackRequest_sipAccountId_fkey" FOREIGN KEY ("sipAccountId") REFERENCES "SipAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallbackRefusal" ADD CONSTRAINT "CallbackRefusal_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: limits the schema language cannot say.
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_callbackMaxConcurrent_check" CHECK ("callbackMaxConcurrent" >= 0);
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_callbackDailySpendLimit_check" CHECK ("callbackDailySpendLimit" >= 0);
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_rateLimitPerMinute_check" CHECK ("rateLimitPerMinute" BETWEEN 1 AND 1000000);
ALTER TABLE "CallbackRefusal" ADD CONSTRAINT "CallbackRefusal_count_check" CHECK ("count" >= 1);
-- A click-to-call names the account and what it dials; a widget callback the visitor and the company side.
ALTER TABLE "CallbackRequest" ADD CONSTRAINT "CallbackRequest_shape_check" CHECK (
  ("source" = 'WIDGET' AND "visitorNumber" IS NOT NULL AND "destination" IS NOT NULL AND "order" IS NOT NULL AND "dialled" IS NULL)
  OR ("source" <> 'WIDGET' AND "dialled" IS NOT NULL AND "visitorNumber" IS NULL)
);
-- The intake counts a company's open requests (the concurrency cap) on every request; the
-- worker claims queued ones that are due. Both read only these small slices.
CREATE INDEX "CallbackRequest_open_by_tenant_idx" ON "CallbackRequest" ("tenantId")
  WHERE "state" IN ('QUEUED', 'CALLING_FIRST', 'CALLING_SECOND', 'CONNECTED');
CREATE INDEX "CallbackRequest_due_idx" ON "CallbackRequest" ("notBefore", "createdAt") WHERE "state" = 'QUEUED';
