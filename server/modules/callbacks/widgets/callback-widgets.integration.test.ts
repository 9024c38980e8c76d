import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/server/db";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { seedCallbackWidget, widgetInput } from "@/tests/fixtures/seed-callback-widgets";
import { seedMenu } from "@/tests/fixtures/seed-ivr-queues";
import { callerFor, seedTwoTenants } from "@/tests/fixtures/seed-tenant";
import { seedExtensions, type SeededExtension } from "@/tests/fixtures/seed-telephony";

type Caller = Awaited<ReturnType<typeof callerFor>>;
type World = Awaited<ReturnType<typeof seedTwoTenants>>;

let world: World;
let admin: Caller;
let user: Caller;
let tenantId: string;
let sales: { id: string };
let alice: SeededExtension;
let globexGroup: { id: string };

/** The refusal's tRPC code and its messages by field ("allowedOrigins.0"), from zod or the service. */
async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err, "expected the call to be refused").toBeInstanceOf(TRPCError);
  const trpc = err as TRPCError;
  const fields: Record<string, string> = {};
  if (trpc.cause instanceof ZodError) for (const issue of trpc.cause.issues) fields[issue.path.join(".")] ??= issue.message;
  else Object.assign(fields, (trpc.cause as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors ?? {});
  return { code: trpc.code, fields, message: trpc.message };
}

const huntGroup = () => ({ kind: "huntGroup" as const, huntGroupId: sales.id });
const widgetCount = () => db.callbackWidget.count({ where: { tenantId } });

beforeAll(async () => {
  world = await seedTwoTenants();
  tenantId = world.acme.tenant.id;
  admin = await callerFor(world.acme.admin.id);
  user = await callerFor(world.acme.users[0]!.id);
  sales = await db.huntGroup.create({ data: { tenantId, number: "600", name: "Sales" } });
  alice = (await seedExtensions(tenantId, 1))[0]!;
  globexGroup = await db.huntGroup.create({ data: { tenantId: world.globex.tenant.id, number: "600", name: "Globex sales" } });
});

describe("[CALLBACK_WIDGETS] customer admins manage widgets", () => {
  let widgetId: string;

  it("creates a widget with origins in the browser's spelling, audited", async () => {
    const created = await admin.callbackWidgets.create(widgetInput(huntGroup(), { allowedOrigins: ["HTTPS://WWW.Acme.Example:443/", "http://localhost:3000"], accentColor: "#1D4ED8" }));
    widgetId = created.id;
    expect(created).toMatchObject({ name: "Website", destination: huntGroup(), destinationLabel: "Hunt group 600 · Sales", allowedOrigins: ["https://www.acme.example", "http://localhost:3000"], accentColor: "#1d4ed8" });
    expect((await admin.callbackWidgets.list()).map((w) => w.id)).toEqual([created.id]);
    expect(await admin.callbackWidgets.get({ id: created.id })).toEqual(created);
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "callbackWidget.created" } });
    expect(audit).toMatchObject({ entityId: created.id, details: { name: "Website", destination: "Hunt group 600 · Sales" } });
  });

  it("updates every field and records before and after", async () => {
    const menu = await seedMenu(tenantId, "Main menu");
    const openHours = { weekdays: [1, 2, 3, 4, 5], timeRanges: [{ start: "09:00", end: "17:00" }], dateRanges: [], holidays: "except" as const };
    const updated = await admin.callbackWidgets.update({
      id: widgetId,
      ...widgetInput({ kind: "ivr", ivrMenuId: menu.id }, { name: "Shop", isEnabled: false, openHours, outsideHours: "ALTERNATE_DESTINATION", outsideDestination: { kind: "extension", extensionId: alice.id }, title: "Talk to us" }),
    });
    expect(updated).toMatchObject({ name: "Shop", isEnabled: false, destinationLabel: "IVR menu · Main menu", openHours, outsideHours: "ALTERNATE_DESTINATION", outsideDestination: { kind: "extension", extensionId: alice.id }, title: "Talk to us" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "callbackWidget.updated" } });
    expect(audit.details).toMatchObject({ before: { name: "Website", isEnabled: true }, after: { name: "Shop", isEnabled: false, openHours: "restricted" } });
  });

  it("refuses a name already used by another of the company's widgets", async () => {
    const other = await admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Second" }));
    const r = await refusal(admin.callbackWidgets.update({ id: other.id, ...widgetInput(huntGroup(), { name: "Shop" }) }));
    expect(r).toMatchObject({ code: "CONFLICT", fields: { name: "Another widget already has this name." } });
    await admin.callbackWidgets.delete({ id: other.id });
  });

  it("deletes a widget, audited; it is then not found", async () => {
    const doomed = await admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Doomed" }));
    await admin.callbackWidgets.delete({ id: doomed.id });
    await expectTrpcError(admin.callbackWidgets.get({ id: doomed.id }), "NOT_FOUND");
    await expectTrpcError(admin.callbackWidgets.delete({ id: doomed.id }), "NOT_FOUND");
    expect(await db.auditLog.findFirstOrThrow({ where: { tenantId, action: "callbackWidget.deleted", entityId: doomed.id } })).toMatchObject({ details: { name: "Doomed" } });
  });

  it("refuses extension users every widget procedure", async () => {
    const calls = [
      user.callbackWidgets.list(), user.callbackWidgets.get({ id: widgetId }), user.callbackWidgets.formOptions(),
      user.callbackWidgets.create(widgetInput(huntGroup(), { name: "Mine" })), user.callbackWidgets.update({ id: widgetId, ...widgetInput(huntGroup()) }),
      user.callbackWidgets.delete({ id: widgetId }), user.callbackWidgets.testCall({ id: widgetId }), user.callbackWidgets.testStatus({ requestId: "x".repeat(25) }),
    ];
    for (const call of calls) await expectTrpcError(call, "FORBIDDEN");
    expect((await admin.callbackWidgets.get({ id: widgetId })).name).toBe("Shop");
  });

  it("tells the form whether a CAPTCHA can be required and where the script lives", async () => {
    const options = await admin.callbackWidgets.formOptions();
    expect(options.isCaptchaAvailable).toBe(false);
    expect(options.scriptOrigin).toMatch(/^https?:\/\/[^/]+$/);
  });
});

describe("[CALLBACK_WIDGETS] validation refuses hostile input, naming the field, storing nothing", () => {
  const HOSTILE_ORIGINS: [string, RegExp][] = [
    ["https://www.acme.example/contact", /without a path/],
    ["https://www.acme.example/?next=evil", /without a path/],
    ["https://*.acme.example", /Wildcards/],
    ["*", /Start with https/],
    ["javascript:alert(document.cookie)", /Start with https/],
    ["JavaScript://%0aalert(1)", /Only https/],
    ["data://text/html;base64,PHNjcmlwdD4=", /Only https/],
    ["http://www.acme.example", /plain http/],
    ["https://аcme.example", /punycode/],
    ["https://ａcme.example", /punycode/],
    ["https://evil.example@www.acme.example", /user name/],
    ["https://www.acme.example\u0000", /control character U\+0000/],
    ["https://www.acme.example\r\nSet-Cookie: x=1", /line break/],
    ["https://www.acme.example\u202e", /text-direction control/],
    ["https://www.acme.example:99999", /port/],
    ["", /Enter the site's origin/],
  ];

  it.each(HOSTILE_ORIGINS)("refuses the origin %j", async (origin, message) => {
    const before = await widgetCount();
    const r = await refusal(admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Hostile", allowedOrigins: ["https://ok.acme.example", origin] })));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fields["allowedOrigins.1"]).toMatch(message);
    expect(await widgetCount()).toBe(before);
  });

  it("refuses 21 origins, none, and the same origin spelt twice", async () => {
    const many = Array.from({ length: 21 }, (_, i) => `https://site${i}.acme.example`);
    expect((await refusal(admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Many", allowedOrigins: many })))).fields.allowedOrigins).toBe("At most 20 websites");
    expect((await admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Twenty", allowedOrigins: many.slice(0, 20) }))).allowedOrigins).toHaveLength(20);
    expect((await refusal(admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "None", allowedOrigins: [] })))).fields.allowedOrigins).toMatch(/Add the website/);
    const twice = await refusal(admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Twice", allowedOrigins: ["https://www.acme.example", "HTTPS://www.ACME.example/"] })));
    expect(twice.fields["allowedOrigins.1"]).toBe("https://www.acme.example is already listed (number 1)");
    expect(await db.callbackWidget.count({ where: { tenantId, name: { in: ["Many", "None", "Twice"] } } })).toBe(0);
  });

  it("refuses colours whose contrast is below WCAG AA, and malformed colours", async () => {
    const low = await refusal(admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Pale", accentColor: "#ffff00", accentTextColor: "#ffffff" })));
    expect(low).toMatchObject({ code: "BAD_REQUEST" });
    expect(low.fields.accentTextColor).toMatch(/^The text on the accent colour has a contrast of 1\.0:1; use at least 4\.5:1/);
    const grey = await refusal(admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Grey", accentColor: "#777777", accentTextColor: "#ffffff" })));
    expect(grey.fields.accentTextColor).toMatch(/contrast of 4\.4:1/);
    expect((await admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Dark grey", accentColor: "#767676", accentTextColor: "#ffffff" }))).accentColor).toBe("#767676");
    for (const colour of ["red", "#fff", "#12345g", "url(javascript:1)", "#1d4ed8;color:red"]) {
      expect((await refusal(admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Bad colour", accentColor: colour })))).fields.accentColor).toBe("Use a colour such as #1d4ed8");
    }
  });

  it("refuses destinations a widget cannot ring, and the rules between fields", async () => {
    const menu = await seedMenu(tenantId, "Company-first menu");
    const cases: [Parameters<typeof widgetInput>[1] & object, Parameters<typeof widgetInput>[0], string, RegExp][] = [
      [{}, { kind: "voicemail", extensionId: null }, "destination", /Choose an extension, a hunt group, an IVR menu or a call queue/],
      [{}, { kind: "external", number: "+441632960000" }, "destination", /Choose an extension/],
      [{ order: "COMPANY_FIRST" }, { kind: "ivr", ivrMenuId: menu.id }, "destination", /choose an extension or a hunt group/],
      [{ outsideHours: "ALTERNATE_DESTINATION" }, huntGroup(), "outsideDestination", /Choose where calls go outside opening hours/],
      [{ outsideHours: "CLOSED", outsideDestination: huntGroup() }, huntGroup(), "outsideDestination", /Only used when/],
      [{ order: "COMPANY_FIRST", outsideHours: "ALTERNATE_DESTINATION", outsideDestination: { kind: "ivr", ivrMenuId: menu.id } }, huntGroup(), "outsideDestination", /choose an extension or a hunt group/],
      [{ title: "x".repeat(61) }, huntGroup(), "title", /at most 60/],
      [{ buttonLabel: "" }, huntGroup(), "buttonLabel", /button's words/],
      [{ introText: "Hi\u0085there" }, huntGroup(), "introText", /control character U\+0085/],
    ];
    for (const [overrides, destination, field, message] of cases) {
      const r = await refusal(admin.callbackWidgets.create(widgetInput(destination, { name: "Rule breaker", ...overrides })));
      expect(r.code, field).toBe("BAD_REQUEST");
      expect(r.fields[field], JSON.stringify(overrides)).toMatch(message);
    }
    expect(await db.callbackWidget.count({ where: { tenantId, name: "Rule breaker" } })).toBe(0);
  });

  it("refuses a CAPTCHA the server cannot verify", async () => {
    const r = await refusal(admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Captcha", requireCaptcha: true })));
    expect(r).toMatchObject({ code: "BAD_REQUEST", fields: { requireCaptcha: "This portal has no CAPTCHA service configured, so a widget cannot require one." } });
    expect(await db.callbackWidget.count({ where: { tenantId, name: "Captcha" } })).toBe(0);
  });

  it("refuses another company's destinations as not found", async () => {
    const theirs = { kind: "huntGroup" as const, huntGroupId: globexGroup.id };
    const main = await refusal(admin.callbackWidgets.create(widgetInput(theirs, { name: "Stolen" })));
    expect(main).toMatchObject({ code: "NOT_FOUND", fields: { destination: "That hunt group does not exist." } });
    const outside = await refusal(admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Stolen", outsideHours: "ALTERNATE_DESTINATION", outsideDestination: theirs })));
    expect(outside).toMatchObject({ code: "NOT_FOUND", fields: { outsideDestination: "That hunt group does not exist." } });
    expect(await db.callbackWidget.count({ where: { name: "Stolen" } })).toBe(0);
  });
});

describe("[CALLBACK_WIDGETS] the test call rings the admin's own extension", () => {
  it("explains that an admin without an extension has nothing to ring, and queues nothing", async () => {
    const widget = await admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Test without phone" }));
    const r = await refusal(admin.callbackWidgets.testCall({ id: widget.id }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", message: "You have no extension with a phone line, so there is nothing to ring for the test." });
    expect(await db.callbackRequest.count({ where: { tenantId } })).toBe(0);
  });

  it("queues a callback from the admin's extension to the widget's destination and reports its progress", async () => {
    await db.extension.update({ where: { id: alice.id }, data: { ownerUserId: world.acme.admin.id } });
    const widget = await admin.callbackWidgets.create(widgetInput(huntGroup(), { name: "Test with phone", isEnabled: false }));
    const { requestId } = await admin.callbackWidgets.testCall({ id: widget.id });
    const row = await db.callbackRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ tenantId, source: "WIDGET", widgetId: widget.id, visitorNumber: alice.number, destination: huntGroup(), order: "VISITOR_FIRST", requestedByUserId: world.acme.admin.id, state: "QUEUED" });
    expect(await admin.callbackWidgets.testStatus({ requestId })).toMatchObject({ id: requestId, state: "QUEUED", message: "Placing the call…" });
    await db.callbackRequest.update({ where: { id: requestId }, data: { state: "FAILED", failureReason: "FIRST_NO_ANSWER", endedAt: new Date() } });
    expect(await admin.callbackWidgets.testStatus({ requestId })).toMatchObject({ state: "FAILED", failureReason: "FIRST_NO_ANSWER", message: "Your phone did not answer." });
  });

  it("treats another company's widget and request as not found", async () => {
    const theirs = await seedCallbackWidget(world.globex.tenant.id, "Globex site");
    await expectTrpcError(admin.callbackWidgets.testCall({ id: theirs.id }), "NOT_FOUND");
    const theirRequest = await db.callbackRequest.create({
      data: { tenantId: world.globex.tenant.id, source: "WIDGET", widgetId: theirs.id, visitorNumber: "+441632960001", destination: theirs.destination as object, order: "VISITOR_FIRST" },
    });
    await expectTrpcError(admin.callbackWidgets.testStatus({ requestId: theirRequest.id }), "NOT_FOUND");
    expect(await db.callbackRequest.count({ where: { widgetId: theirs.id } })).toBe(1);
  });
});
