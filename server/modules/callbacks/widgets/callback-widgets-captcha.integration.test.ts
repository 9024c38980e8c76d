/**
 * With a CAPTCHA service configured, widgets may require it. Its own file: the web env is read
 * once, at first import, so the variables are set before anything imports it.
 */
import { beforeAll, describe, expect, it } from "vitest";

process.env.CAPTCHA_VERIFY_URL = "http://127.0.0.1:9/siteverify";
process.env.CAPTCHA_SECRET = "test-captcha-secret";

const { db } = await import("@/server/db");
const { widgetInput } = await import("@/tests/fixtures/seed-callback-widgets");
const { callerFor, seedPartner, seedTenant } = await import("@/tests/fixtures/seed-tenant");

describe("[CALLBACK_WIDGETS] a configured CAPTCHA can be required", () => {
  let admin: Awaited<ReturnType<typeof callerFor>>;
  let groupId: string;
  beforeAll(async () => {
    const { partner } = await seedPartner();
    const world = await seedTenant({ partnerId: partner.id });
    admin = await callerFor(world.admin.id);
    groupId = (await db.huntGroup.create({ data: { tenantId: world.tenant.id, number: "600", name: "Sales" } })).id;
  });

  it("says so to the form and stores the choice", async () => {
    expect((await admin.callbackWidgets.formOptions()).isCaptchaAvailable).toBe(true);
    const widget = await admin.callbackWidgets.create(widgetInput({ kind: "huntGroup", huntGroupId: groupId }, { requireCaptcha: true }));
    expect(widget.requireCaptcha).toBe(true);
    expect((await db.callbackWidget.findUniqueOrThrow({ where: { id: widget.id } })).requireCaptcha).toBe(true);
  });
});
