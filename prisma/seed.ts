/**
 * Demo data, seeded once on the first start: a partner with two customers, each with an
 * administrator and two extension users, plus a platform admin. README.md lists the logins.
 */
import { db } from "../server/db";
import { hashPassword } from "../server/auth/password";
import { seedDemoBilling } from "./seed-billing";
import { seedDemoCallRules } from "./seed-call-rules";
import { seedDemoNumbers } from "./seed-numbers";
import { seedDemoRouting } from "./seed-routing";
import { seedDemoMedia } from "./seed-media";
import { seedDemoCallbacks } from "./seed-callbacks";
import { seedDemoTelephony } from "./seed-telephony";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-logins";

export { DEMO_PASSWORD, DEMO_USERS };

const CUSTOMERS = [
  { name: "Acme Ltd", admin: ["Alice Admin", DEMO_USERS.acmeAdmin], users: [["Bob Baker", DEMO_USERS.acmeUsers[0]], ["Carol Chen", DEMO_USERS.acmeUsers[1]]] },
  { name: "Globex Corp", admin: ["Grace Green", DEMO_USERS.globexAdmin], users: [["Hank Hill", DEMO_USERS.globexUsers[0]], ["Ivy Iverson", DEMO_USERS.globexUsers[1]]] },
] as const;

/** Seeds the demo unless it is already there. Returns what it did, for the start-up log. */
export async function seedDemoOnce(): Promise<string> {
  const existing = await db.partner.findUnique({ where: { name: "Demo Telecom" }, select: { id: true } });
  if (existing) {
    // Databases seeded before telephony existed get the demo phones too (idempotent).
    await db.$transaction(async (tx) => {
      await seedDemoTelephony(tx, existing.id);
      await seedDemoRouting(tx, existing.id);
      await seedDemoMedia(tx, existing.id);
      await seedDemoBilling(tx, existing.id);
      await seedDemoNumbers(tx, existing.id);
      await seedDemoCallRules(tx, existing.id);
      await seedDemoCallbacks(tx, existing.id);
    });
    return "Demo data already present.";
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    await tx.user.create({ data: { email: DEMO_USERS.platformAdmin, name: "Pat Platform", role: "PLATFORM_ADMIN", passwordHash } });
    const partner = await tx.partner.create({ data: { name: "Demo Telecom" } });
    await tx.user.create({ data: { email: DEMO_USERS.partnerAdmin, name: "Dana Demo", role: "PARTNER_ADMIN", partnerId: partner.id, passwordHash } });
    for (const customer of CUSTOMERS) {
      const tenant = await tx.tenant.create({ data: { name: customer.name, partnerId: partner.id } });
      const [adminName, adminEmail] = customer.admin;
      await tx.user.create({ data: { email: adminEmail, name: adminName, role: "CUSTOMER_ADMIN", tenantId: tenant.id, passwordHash } });
      for (const [name, email] of customer.users) {
        await tx.user.create({ data: { email, name, role: "EXTENSION_USER", tenantId: tenant.id, passwordHash } });
      }
    }
    await seedDemoTelephony(tx, partner.id);
    await seedDemoRouting(tx, partner.id);
    await seedDemoMedia(tx, partner.id);
    await seedDemoBilling(tx, partner.id);
    await seedDemoNumbers(tx, partner.id);
    await seedDemoCallRules(tx, partner.id);
    await seedDemoCallbacks(tx, partner.id);
  });
  return "Seeded demo data: Demo Telecom with Acme Ltd and Globex Corp, their extensions, DIDs and a tariff.";
}
