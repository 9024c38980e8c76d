/**
 * Direct database access for presence flows: look-ups, and the wallboard's 200 extensions
 * (seeded with states in bulk; live changes in tests go through the simulator and worker).
 */
import pg from "pg";
import { inject } from "vitest";

export async function connectTestDb(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  return client;
}

export async function tenantIdByName(client: pg.Client, name: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE name = $1`, [name]);
  if (!rows[0]) throw new Error(`no tenant named ${name}; is the demo seed loaded?`);
  return rows[0].id;
}

export async function extensionByNumber(client: pg.Client, tenantId: string, number: string) {
  const { rows } = await client.query<{ id: string; sipAccountId: string }>(
    `SELECT id, "sipAccountId" FROM "Extension" WHERE "tenantId" = $1 AND number = $2`,
    [tenantId, number],
  );
  if (!rows[0]) throw new Error(`no extension ${number}`);
  return rows[0];
}

/** The SIP account username (the simulator's endpoint name) of a tenant's extension. */
export async function sipUsername(client: pg.Client, tenantId: string, number: string): Promise<string> {
  const { rows } = await client.query<{ username: string }>(
    `SELECT s.username FROM "Extension" e JOIN "SipAccount" s ON s.id = e."sipAccountId" WHERE e."tenantId" = $1 AND e.number = $2`,
    [tenantId, number],
  );
  if (!rows[0]) throw new Error(`extension ${number} has no SIP account`);
  return rows[0].username;
}

const FIRST = ["Ana", "Ben", "Chloe", "Dev", "Ella", "Finn", "Gita", "Hugo", "Isla", "Jonas", "Kemi", "Liam", "Maya", "Nico"];
const LAST = ["Adams", "Brooks", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ivanova", "Jones", "Khan"];

/**
 * `count` extensions 4001… for a tenant in one go, with a realistic mix of states (most
 * registered, some on calls or ringing, a few unreachable). Ids start with `prefix` for cleanup.
 */
export async function seedWallboardExtensions(client: pg.Client, tenantId: string, count: number, prefix: string) {
  const args = [tenantId, count, prefix, FIRST, LAST];
  await client.query(
    `INSERT INTO "SipAccount" (id, "tenantId", type, username, "authMd5", realm, "updatedAt")
     SELECT $3 || 'sip-' || g, $1, 'CENTREX_LINE'::"SipAccountType", $3 || g, repeat('0', 32), 'centrex', now() FROM generate_series(1, $2::int) g`,
    args.slice(0, 3),
  );
  await client.query(
    `INSERT INTO "Extension" (id, "tenantId", number, "displayName", "sipAccountId", "updatedAt")
     SELECT $3 || 'ext-' || g, $1, (4000 + g)::text, ($4::text[])[1 + g % 14] || ' ' || ($5::text[])[1 + (g / 14) % 11], $3 || 'sip-' || g, now()
     FROM generate_series(1, $2::int) g`,
    args,
  );
  await client.query(
    `INSERT INTO "Registration" ("sipAccountId", "tenantId", state, "userAgent", "updatedAt")
     SELECT $3 || 'sip-' || g, $1, (CASE WHEN g % 19 = 0 THEN 'UNREACHABLE' ELSE 'REGISTERED' END)::"RegistrationState", 'Yealink T54W', now()
     FROM generate_series(1, $2::int) g WHERE g % 4 <> 0`,
    args.slice(0, 3),
  );
  await client.query(
    `INSERT INTO "ExtensionCallState" ("extensionId", "tenantId", state, peer, since, "updatedAt")
     SELECT $3 || 'ext-' || g, $1, (CASE WHEN g % 7 = 0 THEN 'RINGING' ELSE 'IN_CALL' END)::"CallState", '+44 7700 900' || lpad(g::text, 3, '0'),
            now() - make_interval(secs => g * 7), now()
     FROM generate_series(1, $2::int) g WHERE g % 4 <> 0 AND g % 19 <> 0 AND (g % 3 = 0 OR g % 7 = 0)`,
    args.slice(0, 3),
  );
}

export async function removeWallboardExtensions(client: pg.Client, prefix: string) {
  // Extension first (its call state cascades), then the accounts (registrations cascade).
  await client.query(`DELETE FROM "Extension" WHERE id LIKE $1 || '%'`, [prefix]);
  await client.query(`DELETE FROM "SipAccount" WHERE id LIKE $1 || '%'`, [prefix]);
}
