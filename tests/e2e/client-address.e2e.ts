import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBaseUrl } from "./helpers/browser";
import { connectTestDb } from "./helpers/presence-db";

// Unknown accounts, so the per-account lockout stays out of it; removed afterwards, so the
// per-IP count other files see is as they left it.
const PROBE_DOMAIN = "forged-xff.example";

/** One failed sign-in through Auth.js's real credentials endpoint, every request carrying `forged`. */
async function failSignIn(email: string, forged: Record<string, string>): Promise<string | null> {
  const baseUrl = getBaseUrl();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers: forged });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...forged, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "not-the-password", csrfToken, callbackUrl: `${baseUrl}/` }),
  });
  return res.headers.get("location");
}

describe("[AUTH] the sign-in limits count the connection's address, not a header the client wrote", () => {
  let db: pg.Client;
  beforeAll(async () => {
    db = await connectTestDb();
  });
  afterAll(async () => {
    await db?.query(`DELETE FROM "LoginAttempt" WHERE email LIKE $1`, [`%@${PROBE_DOMAIN}`]);
    await db?.end();
  });

  it("records failed sign-ins with different forged X-Forwarded-For values under one address", async () => {
    const forgeries: Array<Record<string, string>> = [
      { "x-forwarded-for": "203.0.113.1" },
      { "x-forwarded-for": "198.51.100.7, 203.0.113.2" },
      { "x-forwarded-for": "2001:db8::99" },
      // Our private header and its seal, as a client that read the source would try.
      { "x-centrex-client-ip": "203.0.113.3", "x-centrex-client-ip-seal": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
    ];
    for (const [i, forged] of forgeries.entries()) {
      expect(await failSignIn(`probe-${i}@${PROBE_DOMAIN}`, forged)).toMatch(/error=CredentialsSignin&code=invalid/);
    }
    const { rows } = await db.query<{ email: string; ip: string }>(`SELECT email, ip FROM "LoginAttempt" WHERE email LIKE $1 ORDER BY email`, [
      `%@${PROBE_DOMAIN}`,
    ]);
    expect(rows).toHaveLength(forgeries.length);
    // The e2e server listens on 127.0.0.1 with no trusted proxy (TRUST_PROXY unset).
    expect(new Set(rows.map((r) => r.ip))).toEqual(new Set(["127.0.0.1"]));
  });
});
