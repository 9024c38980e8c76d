/**
 * Vitest setupFiles for integration tests. Runs in the worker before each test FILE is
 * imported: the file gets its own database copied from the migrated template, and
 * DATABASE_URL points at it before any app module (server/db.ts reads it on first import).
 *
 * The copies are not dropped per file: app code may still hold pooled connections when the
 * file ends, and the whole cluster is deleted by the global teardown anyway.
 */
import { inject } from "vitest";
import { assertLocalDatabaseUrl } from "./local-database-guard";
import { createTestDatabase } from "./test-database";

const serverUrl = inject("pgServerUrl");
assertLocalDatabaseUrl(serverUrl, "the integration PostgreSQL");

const database = await createTestDatabase({ serverUrl, template: inject("templateDatabase") });

process.env.DATABASE_URL = database.url;
// A fixed, obviously fake secret: long enough for server/env.js, useless anywhere else.
process.env.AUTH_SECRET = "integration-tests-only-secret-0123456789abcdef";
// Integration tests must exercise real env validation, as the app does at start-up.
delete process.env.SKIP_ENV_VALIDATION;
