import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { databaseEnv } from "./env-database";

/**
 * The raw, unscoped Prisma client and the connection pool under it. Only tenancy.ts, auth/,
 * modules/admin/ and a few infrastructure files may import them (enforced by ESLint);
 * everything that reads tenant data goes through tenantDb() or tenantSql() in tenancy.ts.
 *
 * One pool serves both Prisma and the few prepared statements of the public hot paths
 * (server/database/prepared.ts), so DATABASE_POOL_SIZE bounds every connection a process opens.
 */
/** Prisma keeps DateTime as UTC in `timestamp` columns; pg alone would read them as local time. */
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

function createPool() {
  const pool = new pg.Pool({
    connectionString: databaseEnv().DATABASE_URL,
    max: databaseEnv().DATABASE_POOL_SIZE,
    // Idle connections do not keep a finished script alive.
    allowExitOnIdle: true,
    // `timestamp` columns hold UTC (Prisma's convention); SQL comparing them with now() or
    // converting between zones must read them the same way, whatever the server's default.
    options: "-c TimeZone=UTC",
    // For our own statements only: Prisma passes its own parsers with each query.
    types: { getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === TIMESTAMP_OID && format !== "binary" ? parseUtcTimestamp : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // An idle connection the server closed (restart, failover) is dropped and replaced, not fatal.
  pool.on("error", (err) => console.error("an idle database connection failed", { message: err.message }));
  return pool;
}

function createClient(pool: pg.Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool), log: ["warn"] /* errors are mapped or logged with a request id by the caller */ });
}

// One pool and client per process; Next's dev server re-evaluates modules on change, so keep them global.
const globalForDb = globalThis as unknown as { pgPool?: pg.Pool; prisma?: ReturnType<typeof createClient> };
export const dbPool = globalForDb.pgPool ?? createPool();
export const db = globalForDb.prisma ?? createClient(dbPool);
globalForDb.pgPool = dbPool;
globalForDb.prisma = db;

export type Db = typeof db;

/** Closes every connection, for a process that is about to end (the pool cannot be reopened). */
export async function disconnectDatabase() {
  await db.$disconnect();
  await dbPool.end();
}
