-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-GB',
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/London';

