import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { databaseEnv } from "./env-database";

/**
 * The raw, unscoped Prisma client. Only tenancy.ts, auth/, modules/admin/ and a few
 * infrastructure files may import it (enforced by ESLint); everything that reads tenant data
 * goes through tenantDb() in tenancy.ts.
 */
function createClient() {
  const adapter = new PrismaPg({ connectionString: databaseEnv().DATABASE_URL, max: databaseEnv().DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter, log: ["warn"] /* errors are mapped or logged with a request id by the caller */ });
}

// One client per process; Next's dev server re-evaluates modules on change, so keep it global.
const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };
export const db = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;

export type Db = typeof db;
