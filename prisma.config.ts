import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Prisma 6.19 offline: the JavaScript schema engine (no native binary download). `prisma generate`
// and `prisma migrate diff` work through it; `prisma migrate deploy` does not (prisma/orm#27403),
// so migrations are applied by server/database/migrate.ts (see docs/database.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/unused" }),
});
