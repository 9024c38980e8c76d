/**
 * The demo's phones: with the in-process simulator standing in for Asterisk, every provisioned
 * SIP account gets a simulated phone, those made in the portal as well as the seeded ones, so
 * the demo's live pages and demo calls work for accounts a visitor adds.
 */
import { db } from "@/server/db";
import type { AriSimulator } from "./simulator";

/**
 * Registers a simulated phone for each provisioned account that is not registered yet: all of
 * them after a full push, or those of one account or company after a push of just that. Only
 * the changed ones, so a phone a test took offline stays offline while others change.
 */
export async function registerDemoPhones(sim: AriSimulator, sipAccountOrTenantId?: string): Promise<number> {
  const registered = new Set(sim.scenario.snapshot().registrations.map((r) => r.endpoint));
  const where = sipAccountOrTenantId ? { OR: [{ id: sipAccountOrTenantId }, { tenantId: sipAccountOrTenantId }] } : {};
  const accounts = await db.sipAccount.findMany({ where, select: { username: true } });
  let count = 0;
  for (const { username } of accounts) {
    if (registered.has(username)) continue;
    try {
      sim.scenario.registerPhone({ endpoint: username, userAgent: "Centrex demo phone" });
      count++;
    } catch {
      // Not provisioned (no extension yet): the push that provisions it registers it.
    }
  }
  return count;
}
