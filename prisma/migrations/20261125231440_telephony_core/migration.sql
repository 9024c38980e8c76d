-- CreateEnum
CREATE TYPE "SipAccountType" AS ENUM ('CENTREX_LINE', 'FAX', 'VOICEMAIL');

-- CreateEnum
CREATE TYPE "DidTargetType" AS ENUM ('EXTENSION', 'VOICEMAIL', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "RegistrationState" AS ENUM ('REGISTERED', 'UNREGISTERED', 'UNREACHABLE');

-- CreateEnum
CREATE TYPE "CallState" AS ENUM ('IDLE', 'RINGING', 'IN_CALL', 'ON_HOLD');

-- CreateEnum
CREATE TYPE "CallDirection" AS ENUM ('INBOUND', 'OUTBOUND', 'INTERNAL');

-- CreateEnum
CREATE TYPE "CallDisposition" AS ENUM ('ANSWERED', 'NO_ANSWER', 'BUSY', 'FAILED', 'REJECTED', 'VOICEMAIL');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "countryCode" TEXT NOT NULL DEFAULT '44',
ADD COLUMN     "tariffId" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/London';

-- CreateTable
CREATE TABLE "SipAccount" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "type" "SipAccountType" NOT NULL DEFAULT 'CENTREX_LINE',
    "username" TEXT NOT NULL,
    "authMd5" TEXT NOT NULL,
    "realm" TEXT NOT NULL DEFAULT 'centrex',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SipAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extension" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "sipAccountId" TEXT,
    "ownerUserId" TEXT,
    "voicemailEnabled" BOOLEAN NOT NULL DEFAULT true,
    "voicemailPinHash" TEXT,
    "outboundCli" TEXT,
    "ringTimeoutSec" INTEGER NOT NULL DEFAULT 20,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Did" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "targetType" "DidTargetType",
    "targetExtensionId" TEXT,
    "targetExternal" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Did_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlockedNumber" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "isPrefix" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlockedNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "sipAccountId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "state" "RegistrationState" NOT NULL,
    "userAgent" TEXT,
    "address" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("sipAccountId")
);

-- CreateTable
CREATE TABLE "ExtensionCallState" (
    "extensionId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "state" "CallState" NOT NULL,
    "peer" TEXT,
    "since" TIMESTAMP(3),
    "channelId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExtensionCallState_pkey" PRIMARY KEY ("extensionId")
);

-- CreateTable
CREATE TABLE "Tariff" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'GBP',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tariff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TariffRate" (
    "id" TEXT NOT NULL,
    "tariffId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "description" TEXT,
    "ratePerMinute" DECIMAL(12,5) NOT NULL,
    "connectFee" DECIMAL(12,5) NOT NULL DEFAULT 0,
    "incrementSec" INTEGER NOT NULL DEFAULT 60,
    "minimumSec" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TariffRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallRecord" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "callerNumber" TEXT NOT NULL,
    "calledNumber" TEXT NOT NULL,
    "extensionId" TEXT,
    "didId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3) NOT NULL,
    "billableSec" INTEGER NOT NULL DEFAULT 0,
    "disposition" "CallDisposition" NOT NULL,
    "hangupCause" TEXT,
    "recordingRef" TEXT,
    "cost" DECIMAL(12,5),
    "currency" TEXT,
    "ratePrefix" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SipAccount_username_key" ON "SipAccount"("username");

-- CreateIndex
CREATE INDEX "SipAccount_tenantId_idx" ON "SipAccount"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "SipAccount_tenantId_id_key" ON "SipAccount"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Extension_sipAccountId_key" ON "Extension"("sipAccountId");

-- CreateIndex
CREATE INDEX "Extension_tenantId_idx" ON "Extension"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "Extension_tenantId_number_key" ON "Extension"("tenantId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Extension_tenantId_id_key" ON "Extension"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Did_number_key" ON "Did"("number");

-- CreateIndex
CREATE INDEX "Did_tenantId_idx" ON "Did"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "Did_tenantId_id_key" ON "Did"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BlockedNumber_tenantId_pattern_isPrefix_key" ON "BlockedNumber"("tenantId", "pattern", "isPrefix");

-- CreateIndex
CREATE UNIQUE INDEX "BlockedNumber_tenantId_id_key" ON "BlockedNumber"("tenantId", "id");

-- CreateIndex
CREATE INDEX "Registration_tenantId_idx" ON "Registration"("tenantId");

-- CreateIndex
CREATE INDEX "ExtensionCallState_tenantId_idx" ON "ExtensionCallState"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "Tariff_partnerId_name_key" ON "Tariff"("partnerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "TariffRate_tariffId_prefix_key" ON "TariffRate"("tariffId", "prefix");

-- CreateIndex
CREATE UNIQUE INDEX "CallRecord_channelId_key" ON "CallRecord"("channelId");

-- CreateIndex
CREATE INDEX "CallRecord_tenantId_startedAt_idx" ON "CallRecord"("tenantId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CallRecord_tenantId_id_key" ON "CallRecord"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_tariffId_fkey" FOREIGN KEY ("tariffId") REFERENCES "Tariff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SipAccount" ADD CONSTRAINT "SipAccount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_sipAccountId_fkey" FOREIGN KEY ("sipAccountId") REFERENCES "SipAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Did" ADD CONSTRAINT "Did_targetExtensionId_fkey" FOREIGN KEY ("targetExtensionId") REFERENCES "Extension"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlockedNumber" ADD CONSTRAINT "BlockedNumber_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_sipAccountId_fkey" FOREIGN KEY ("sipAccountId") REFERENCES "SipAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionCallState" ADD CONSTRAINT "ExtensionCallState_extensionId_fkey" FOREIGN KEY ("extensionId") REFERENCES "Extension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tariff" ADD CONSTRAINT "Tariff_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TariffRate" ADD CONSTRAINT "TariffRate_tariffId_fkey" FOREIGN KEY ("tariffId") REFERENCES "Tariff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallRecord" ADD CONSTRAINT "CallRecord_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

