-- AlterEnum
ALTER TYPE "RegistrationState" ADD VALUE 'UNKNOWN';

