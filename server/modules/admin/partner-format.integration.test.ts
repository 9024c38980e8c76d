import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { db } from "@/server/db";
import { loadSessionUser } from "@/server/auth/session-user";
import { callerFor, seedUser } from "@/tests/fixtures/seed-tenant";

const admin = (tag: string) => ({ adminName: `Admin ${tag}`, adminEmail: `admin-${tag}@format.example`, adminPassword: "Long-enough-1" });

describe("[ADMIN] a partner's locale and time zone", () => {
  let platform: Awaited<ReturnType<typeof callerFor>>;
  beforeAll(async () => {
    platform = await callerFor((await seedUser({ role: "PLATFORM_ADMIN" })).id);
  });

  it("are set when the partner is created, read by its staff's sessions, and given to its new customers", async () => {
    const created = await platform.admin.partner.create({ name: "Sydney Voice", ...admin("syd"), locale: "en-AU", timeZone: "Australia/Sydney" });
    expect(await db.partner.findUniqueOrThrow({ where: { id: created.id }, select: { locale: true, timeZone: true } })).toEqual({ locale: "en-AU", timeZone: "Australia/Sydney" });
    expect((await loadSessionUser(created.admin.id))?.format).toEqual({ locale: "en-AU", timeZone: "Australia/Sydney" });

    const partnerAdmin = await callerFor(created.admin.id);
    const customer = await partnerAdmin.admin.customer.create({ name: "Bondi Surf", ...admin("bondi") });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: customer.id } })).timeZone).toBe("Australia/Sydney");
    expect((await loadSessionUser(customer.admin.id))?.format).toEqual({ locale: "en-AU", timeZone: "Australia/Sydney" });
  });

  it("default to en-GB and Europe/London, and refuse what Intl cannot use, creating nothing", async () => {
    const plain = await platform.admin.partner.create({ name: "Plain Telecom", ...admin("plain") });
    expect(await db.partner.findUniqueOrThrow({ where: { id: plain.id }, select: { locale: true, timeZone: true } })).toEqual({ locale: "en-GB", timeZone: "Europe/London" });

    for (const bad of [{ locale: "xx-NOPE-" }, { locale: "de-DE" }, { timeZone: "Europe/Atlantis" }]) {
      const err = (await platform.admin.partner.create({ name: "Bad Telecom", ...admin(`bad-${Object.values(bad)[0]}`), ...bad }).catch((e: unknown) => e)) as TRPCError;
      expect(err.code, JSON.stringify(bad)).toBe("BAD_REQUEST");
    }
    expect(await db.partner.count({ where: { name: "Bad Telecom" } })).toBe(0);
  });
});
