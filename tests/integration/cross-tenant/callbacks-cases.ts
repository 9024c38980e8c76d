/** Cross-tenant cases of the web-callback procedures (issue 14); spread into cross-tenant.integration.test.ts. */
import { expect } from "vitest";
import { db } from "@/server/db";
import { generateApiKey } from "@/server/modules/callbacks/api-keys/key-material";
import { expectTrpcError } from "../../fixtures/procedures";
import { seedLineExtension } from "../../fixtures/seed-media";
import type { Case, World } from "./case-types";

let nextApiKeyExtension = 760;
/** A Globex key, made directly (the case is about Acme reaching it). */
async function globexApiKey({ globex }: World) {
  const m = generateApiKey();
  return db.apiKey.create({ data: { tenantId: globex.tenant.id, name: `Globex ${m.prefix}`, prefix: m.prefix, secretHash: m.secretHash } });
}
const globexLine = async ({ globex }: World) => (await seedLineExtension(globex.tenant.id, String(nextApiKeyExtension++))).sipAccountId!;

export const CALLBACK_CASES: Record<string, Case> = {
  "apiKeys.list": async (acme, world) => {
    const theirs = await globexApiKey(world);
    expect((await acme.apiKeys.list()).map((k) => k.id)).not.toContain(theirs.id);
  },
  "apiKeys.scopes": async (acme, world) => {
    const theirs = await globexLine(world);
    expect((await acme.apiKeys.scopes()).map((s) => s.sipAccountId)).not.toContain(theirs);
  },
  "apiKeys.create": async (acme, world) => {
    // Globex's line cannot scope an Acme key; a key lands in Acme whatever the input says.
    const theirs = await globexLine(world);
    await expectTrpcError(acme.apiKeys.create({ name: "Stolen line", sipAccountId: theirs }), "NOT_FOUND");
    const input = { name: "Ours", tenantId: world.globex.tenant.id } as Parameters<typeof acme.apiKeys.create>[0];
    const created = await acme.apiKeys.create(input);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } })).tenantId).toBe(world.acme.tenant.id);
  },
  "apiKeys.update": async (acme, world) => {
    const theirs = await globexApiKey(world);
    await expectTrpcError(acme.apiKeys.update({ id: theirs.id, name: "Hijacked", sipAccountId: null, rateLimitPerMinute: 600 }), "NOT_FOUND");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe(theirs.name);
  },
  "apiKeys.revoke": async (acme, world) => {
    const theirs = await globexApiKey(world);
    await expectTrpcError(acme.apiKeys.revoke({ id: theirs.id }), "NOT_FOUND");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
  },
};
