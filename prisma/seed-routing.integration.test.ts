import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/tests/fixtures/seed-tenant";
import { DEMO_USERS } from "./demo-logins";
import { seedDemoOnce } from "./seed";

const callerByEmail = async (email: string) => callerFor((await db.user.findUniqueOrThrow({ where: { email } })).id);

describe("[ROUTING] demo seed", () => {
  it("gives Acme a Sales hunt group and Bob a follow-me list, once, readable through the portal's own routers", async () => {
    await seedDemoOnce();
    await seedDemoOnce(); // the start-up path for an already seeded database

    const admin = await callerByEmail(DEMO_USERS.acmeAdmin);
    const groups = await admin.huntGroups.list();
    expect(groups.map((g) => [g.number, g.name, g.strategy])).toEqual([["600", "Sales", "inOrder"]]);
    expect(groups[0]!.members.map((m) => m.number)).toEqual(["202", "203", "201"]);
    expect(groups[0]!.overflow).toEqual({ kind: "voicemail", extensionId: null });

    const bob = await callerByEmail(DEMO_USERS.acmeUsers[0]);
    const [own] = (await bob.home.mine()).extensions;
    const forwarding = await bob.forwarding.find({ extensionId: own!.id });
    expect(forwarding.followMe).toMatchObject({ isEnabled: true, strategy: "sequential", ringSelfFirstSec: 15 });
    expect(forwarding.followMe.steps.map((s) => [s.ringSec, s.activePeriod?.weekdays ?? null])).toEqual([[15, [1, 2, 3, 4, 5]], [20, null]]);
    // What the seed stored is what the form saves: re-saving it unchanged is accepted.
    const { extension: _extension, ...rest } = forwarding;
    await expect(bob.forwarding.save({ extensionId: own!.id, ...rest, followMe: { ...rest.followMe, steps: rest.followMe.steps.map(({ id: _id, ...s }) => s) } })).resolves.toMatchObject({ doNotDisturb: false });
  });
});
