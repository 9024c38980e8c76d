import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadTenantDialPlan } from "@/server/telephony/dialplan/load-dial-plan";
import { compileDialPlan, EMPTY_ROUTING_STATE } from "@/server/telephony/engine";
import { routeMenuChoice } from "@/server/telephony/engine/menu";
import { callerFor } from "@/tests/fixtures/seed-tenant";
import { DEMO_USERS } from "./demo-logins";
import { seedDemoOnce } from "./seed";

describe("[IVR] demo seed", () => {
  it("gives Acme a Support queue and a Main menu, once, that the portal reads and the engine routes", async () => {
    await seedDemoOnce();
    await seedDemoOnce(); // the start-up path for an already seeded database

    const admin = await callerFor((await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.acmeAdmin } })).id);
    const queues = await admin.callQueues.list();
    expect(queues.map((q) => [q.number, q.name])).toEqual([["700", "Support"]]);
    const menus = await admin.ivrMenus.list();
    expect(menus.map((m) => m.name)).toEqual(["Main menu"]);
    const menu = await admin.ivrMenus.find({ id: menus[0]!.id });
    expect(menu.options.map((o) => [o.digit, o.destination.kind]).sort()).toEqual([["0", "extension"], ["1", "huntGroup"], ["2", "queue"]]);

    // The engine sees the same menu: pressing 2 queues the caller in Support.
    const tenantId = (await db.tenant.findFirstOrThrow({ where: { name: "Acme Ltd" } })).id;
    const plan = compileDialPlan(await loadTenantDialPlan(db, tenantId, { trunk: "trunk" }));
    const call = { source: { kind: "trunk" as const }, dialled: "+442079460000", callerId: { number: "+447700900123", name: null } };
    const choice = routeMenuChoice(plan, call, menus[0]!.id, "2", true, new Date(), EMPTY_ROUTING_STATE);
    expect(choice.kind === "route" && choice.plan.steps.map((s) => s.type)).toEqual(["queue"]);
  });
});
