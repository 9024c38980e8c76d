/**
 * The view Asterisk's app_voicemail reads through realtime (asterisk/extconfig.conf): one
 * mailbox per extension with voicemail on, in its tenant's own context, while the tenant is
 * active. Read with the same kind of query res_config_pgsql sends.
 */
import { expect, it } from "vitest";
import { db } from "@/server/db";
import { seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { seedExtensions } from "@/tests/fixtures/seed-telephony";

type Mailbox = { uniqueid: number; context: string; mailbox: string; password: string; fullname: string };
const mailboxes = (context: string) =>
  db.$queryRaw<Mailbox[]>`SELECT * FROM asterisk_voicemail WHERE context = ${context} ORDER BY mailbox`;

it("lists each tenant's mailboxes in its own context, never another's, and drops the suspended", async () => {
  const { partner } = await seedPartner();
  const acme = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant;
  const globex = (await seedTenant({ partnerId: partner.id, extensionUsers: 0 })).tenant;
  const [, a202] = await seedExtensions(acme.id, 2);
  await seedExtensions(globex.id, 1); // Globex also has a 201
  await db.extension.update({ where: { id: a202!.id }, data: { voicemailEnabled: false } });

  const acmeBoxes = await mailboxes(acme.id);
  expect(acmeBoxes.map((m) => m.mailbox)).toEqual(["201", "general"]);
  expect(acmeBoxes[0]).toMatchObject({ context: acme.id, fullname: "User 201" });
  expect(Number.isInteger(acmeBoxes[0]!.uniqueid)).toBe(true);
  // No keypad can type the password: VoiceMailMain refuses until the portal checks PINs.
  expect(acmeBoxes[0]!.password).not.toMatch(/^[0-9*#]*$/);
  expect((await mailboxes(globex.id)).map((m) => m.mailbox)).toEqual(["201", "general"]);
  expect(new Set([...acmeBoxes, ...(await mailboxes(globex.id))].map((m) => m.uniqueid)).size).toBe(4);

  await db.tenant.update({ where: { id: acme.id }, data: { status: "SUSPENDED" } });
  expect(await mailboxes(acme.id)).toEqual([]);
});
