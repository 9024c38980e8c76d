import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
const HEADER = "prefix,description,rate_per_minute,connect_fee,increment_sec,minimum_sec";
const sheet = (...lines: string[]) => [HEADER, ...lines].join("\n");

const ratesOf = async (tariffId: string) =>
  (await db.tariffRate.findMany({ where: { tariffId }, orderBy: { prefix: "asc" } })).map((r) => `${r.prefix}=${r.ratePerMinute.toString()}/${r.incrementSec}`);

describe("[TARIFFS] partner admins manage tariffs", () => {
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => {
    const seeded = await seedPartner();
    partnerId = seeded.partner.id;
    admin = await callerFor(seeded.admin.id);
  });

  it("makes the first tariff the default and switches the default atomically", async () => {
    const first = await admin.tariff.create({ name: "Standard", currency: "gbp", isDefault: false });
    expect(first).toMatchObject({ currency: "GBP", isDefault: true });
    const second = await admin.tariff.create({ name: "Premium", currency: "EUR", isDefault: true });
    const defaults = async () => (await db.tariff.findMany({ where: { partnerId, isDefault: true } })).map((t) => t.id);
    expect(await defaults()).toEqual([second.id]);
    await Promise.all([admin.tariff.setDefault({ id: first.id }), admin.tariff.setDefault({ id: second.id })]);
    expect(await defaults()).toHaveLength(1);
    await admin.tariff.setDefault({ id: first.id });
    expect(await defaults()).toEqual([first.id]);
    const actions = (await db.auditLog.findMany({ where: { entityId: first.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["tariff.create", "tariff.setDefault", "tariff.setDefault"]);
  });

  it("imports all-or-nothing: one bad line writes nothing and names the line", async () => {
    const tariff = await admin.tariff.create({ name: "Atomic", currency: "GBP", isDefault: false });
    await admin.tariff.importRates({ tariffId: tariff.id, mode: "replace", csv: sheet("44,UK,0.01,0,60,0") });
    const result = await admin.tariff.importRates({ tariffId: tariff.id, mode: "replace", csv: sheet("33,FR,0.1,0,60,0", "34,ES,-1,0,60,0", "35,PT,0.2,0,99999,0") });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ line: 3 }), expect.objectContaining({ line: 4 })] });
    expect(await ratesOf(tariff.id)).toEqual(["44=0.01/60"]);
    expect(await db.auditLog.count({ where: { entityId: tariff.id, action: "tariff.importRates" } })).toBe(1);
  });

  it("refuses a NUL-laden or oversized sheet, per line, and keeps the rates it has", async () => {
    const tariff = await admin.tariff.create({ name: "Hostile", currency: "GBP", isDefault: false });
    await admin.tariff.importRates({ tariffId: tariff.id, mode: "replace", csv: sheet("44,UK,0.01,0,60,0") });
    // Control characters never reach the parser: the request is refused (400) line by line.
    const nul = await admin.tariff.importRates({ tariffId: tariff.id, mode: "replace", csv: sheet("33,F\u0000R,0.1,0,60,0", "34,ES,0.1,0,60,0\u0000") }).catch((e: unknown) => e);
    expect(nul).toMatchObject({ code: "BAD_REQUEST" });
    const messages = (nul as { cause: { issues: { message: string }[] } }).cause.issues.map((i) => i.message);
    expect(messages).toEqual([
      "Line 2: Remove the control character U+0000; it cannot be typed or stored",
      "Line 3: Remove the control character U+0000; it cannot be typed or stored",
    ]);
    // Tabs and over-long lines pass the request check (a sheet has lines) and are reported per row.
    const result = await admin.tariff.importRates({ tariffId: tariff.id, mode: "replace", csv: sheet("33,F\tR,0.1,0,60,0", `34,${"x".repeat(10_000)},0.1,0,60,0`) });
    expect(result).toEqual({ ok: false, errors: [{ line: 2, message: "description: Use one line: remove the tab" }, { line: 3, message: "The line is longer than 1,000 characters" }] });
    const tooBig = await admin.tariff.importRates({ tariffId: tariff.id, mode: "merge", csv: sheet(`44,${"x".repeat(2 * 1024 * 1024)}`) }).catch((e: unknown) => e);
    expect(tooBig).toMatchObject({ code: "BAD_REQUEST" });
    expect(await ratesOf(tariff.id)).toEqual(["44=0.01/60"]);
  });

  it("replace drops rates missing from the sheet; merge keeps them and overwrites the rest", async () => {
    const tariff = await admin.tariff.create({ name: "Modes", currency: "GBP", isDefault: false });
    await admin.tariff.importRates({ tariffId: tariff.id, mode: "replace", csv: sheet("44,UK,0.01,0,60,0", "33,FR,0.1,0,60,0") });
    const merged = await admin.tariff.importRates({ tariffId: tariff.id, mode: "merge", csv: sheet("+44,UK,0.02,0.5,1,0", "49,DE,0.12345,0,60,30") });
    expect(merged).toEqual({ ok: true, mode: "merge", created: 1, updated: 1, deleted: 0 });
    expect(await ratesOf(tariff.id)).toEqual(["33=0.1/60", "44=0.02/1", "49=0.12345/60"]);
    const replaced = await admin.tariff.importRates({ tariffId: tariff.id, mode: "replace", csv: sheet("1,US,0.005,0,6,6") });
    expect(replaced).toEqual({ ok: true, mode: "replace", created: 1, updated: 0, deleted: 3 });
    expect(await ratesOf(tariff.id)).toEqual(["1=0.005/6"]);
  });

  it("edits single rates, refusing a duplicate prefix, and searches by prefix", async () => {
    const tariff = await admin.tariff.create({ name: "Single", currency: "GBP", isDefault: false });
    const rate = await admin.tariff.rate.upsert({ tariffId: tariff.id, prefix: "0044", description: "", ratePerMinute: "0.1", connectFee: "0", incrementSec: 60, minimumSec: 0 });
    expect(rate).toMatchObject({ prefix: "44", description: null, ratePerMinute: "0.1" });
    await admin.tariff.rate.upsert({ tariffId: tariff.id, prefix: "447", description: "UK mobile", ratePerMinute: "0.2", connectFee: "0", incrementSec: 60, minimumSec: 0 });
    await expectTrpcError(admin.tariff.rate.upsert({ tariffId: tariff.id, prefix: "+44", description: "", ratePerMinute: "1", connectFee: "0", incrementSec: 60, minimumSec: 0 }), "CONFLICT");
    await admin.tariff.rate.upsert({ tariffId: tariff.id, id: rate.id, prefix: "44", description: "UK", ratePerMinute: "0.15", connectFee: "0", incrementSec: 1, minimumSec: 0 });
    const found = await admin.tariff.get({ id: tariff.id, prefixSearch: "+447" });
    expect(found.rates.map((r) => r.prefix)).toEqual(["447"]);
    await admin.tariff.rate.delete({ tariffId: tariff.id, id: rate.id });
    expect(await ratesOf(tariff.id)).toEqual(["447=0.2/60"]);
  });

  it("refuses to delete a tariff customers use, directly or as the default", async () => {
    const assigned = await admin.tariff.create({ name: "Assigned", currency: "GBP", isDefault: false });
    const customer = await seedTenant({ partnerId, extensionUsers: 0 });
    await seedTenant({ partnerId, extensionUsers: 0 }); // rated by the default tariff
    await admin.tariff.assignToCustomer({ tenantId: customer.tenant.id, tariffId: assigned.id });
    await expectTrpcError(admin.tariff.delete({ id: assigned.id }), "CONFLICT");
    const current = (await db.tariff.findFirstOrThrow({ where: { partnerId, isDefault: true } })).id;
    await expectTrpcError(admin.tariff.delete({ id: current }), "CONFLICT"); // other customers rely on the default
    await admin.tariff.assignToCustomer({ tenantId: customer.tenant.id, tariffId: null });
    await admin.tariff.delete({ id: assigned.id });
    expect(await db.tariff.count({ where: { id: assigned.id } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { entityId: customer.tenant.id, action: "customer.assignTariff" } })).length;
    expect(actions).toBe(2);
  });

  it("rejects a bad currency and a bad rate with field messages", async () => {
    await expectTrpcError(admin.tariff.create({ name: "X1", currency: "POUND", isDefault: false }), "BAD_REQUEST");
    const tariff = await admin.tariff.create({ name: "Fields", currency: "GBP", isDefault: false });
    await expectTrpcError(admin.tariff.rate.upsert({ tariffId: tariff.id, prefix: "44a", description: "", ratePerMinute: "0.1234567", connectFee: "0", incrementSec: 0, minimumSec: 0 }), "BAD_REQUEST");
  });

  it("refuses seconds of the wrong type instead of coercing them, and stores nothing", async () => {
    const tariff = await admin.tariff.create({ name: "Types", currency: "GBP", isDefault: false });
    const rate = { tariffId: tariff.id, prefix: "44", description: "", ratePerMinute: "0.1", connectFee: "0" };
    // The client's types forbid these (hence `as never`); a hand-made request does not.
    await expectTrpcError(admin.tariff.rate.upsert({ ...rate, incrementSec: true as never, minimumSec: 0 }), "BAD_REQUEST");
    await expectTrpcError(admin.tariff.rate.upsert({ ...rate, incrementSec: 60, minimumSec: null as never }), "BAD_REQUEST");
    expect(await db.tariffRate.count({ where: { tariffId: tariff.id } })).toBe(0);
    const stored = await admin.tariff.rate.upsert({ ...rate, incrementSec: "60", minimumSec: "0" });
    expect(stored).toMatchObject({ incrementSec: 60, minimumSec: 0 });
  });

  it("tells the workers which customers' rates changed, only when the change commits", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (m) => heard.push(m.payload ?? ""));
    await listener.query("LISTEN dialplan_changed");
    try {
      const own = await seedTenant({ partnerId, extensionUsers: 0 });
      const tariff = await admin.tariff.create({ name: "Notified", currency: "GBP", isDefault: false });
      await admin.tariff.assignToCustomer({ tenantId: own.tenant.id, tariffId: tariff.id });
      await admin.tariff.importRates({ tariffId: tariff.id, mode: "merge", csv: sheet("44,UK,0.01,0,60,0") });
      await admin.tariff.importRates({ tariffId: tariff.id, mode: "merge", csv: sheet("44,UK,-1,0,60,0") }); // refused: no notify
      // A new default tariff rates every customer on the partner default, but not `own`.
      const onDefault = await seedTenant({ partnerId, extensionUsers: 0 });
      await admin.tariff.create({ name: "New default", currency: "GBP", isDefault: true });
      await new Promise((r) => setTimeout(r, 200));
      expect(heard.filter((id) => id === own.tenant.id)).toHaveLength(2);
      expect(heard.filter((id) => id === onDefault.tenant.id)).toHaveLength(1);
    } finally {
      await listener.end();
    }
  });
});
