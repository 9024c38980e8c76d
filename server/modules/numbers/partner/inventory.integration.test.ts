import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";

type Caller = Awaited<ReturnType<typeof callerFor>>;
const sheet = (...rows: string[]) => ["number,area,setup_price,monthly_price", ...rows].join("\n");
const stockOf = async (partnerId: string) => (await db.did.findMany({ where: { partnerId }, orderBy: { number: "asc" } })).map((d) => d.number);

describe("[NUMBERS] partner stock: import, add, change, retire", () => {
  let admin: Caller;
  let partnerId: string;
  let rival: Caller;
  beforeAll(async () => {
    const seeded = await seedPartner();
    partnerId = seeded.partner.id;
    admin = await callerFor(seeded.admin.id);
    rival = await callerFor((await seedPartner()).admin.id);
  });

  it("validRowsOnly imports the good rows and reports the bad ones by line", async () => {
    const csv = sheet("020 7946 0100,London,5,1.5", "020 7946 01,London,5,1.5", "0909 879 0000,Premium,0,1", "+44 20 7946 0100,London,5,1.5", "0161 496 0100,Manchester,-1,1");
    const preview = await admin.didInventory.import({ csv, mode: "validRowsOnly", isDryRun: true });
    expect(await stockOf(partnerId)).toEqual([]);
    expect(preview).toMatchObject({ validCount: 1, imported: 0, preview: [{ line: 2, number: "+442079460100", setupFee: "5", monthlyFee: "1.5" }] });
    expect(preview.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(preview.rejected[2]!.reason).toBe("+442079460100 is already on line 2.");

    const result = await admin.didInventory.import({ csv, mode: "validRowsOnly", isDryRun: false });
    expect(result).toMatchObject({ validCount: 1, imported: 1, isRefused: false });
    const [did] = await db.did.findMany({ where: { partnerId } });
    expect(did).toMatchObject({ number: "+442079460100", countryIso: "GB", numberType: "FIXED_LINE", area: "London", state: "AVAILABLE", source: "INVENTORY", currency: "GBP", tenantId: null });
    expect([did!.setupPrice.toString(), did!.monthlyPrice.toString()]).toEqual(["5", "1.5"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "numbers.inventory.import", partnerId } });
    expect(audit.details).toEqual({ mode: "validRowsOnly", imported: 1, rejected: 4 });
  });

  it("allOrNothing imports none while one row is bad, and all once it is fixed", async () => {
    const bad = sheet("020 7946 0200,London,0,1", "0161 496 0200,Manchester,0,1", "0121 496 02,Birmingham,0,1");
    const refused = await admin.didInventory.import({ csv: bad, mode: "allOrNothing", isDryRun: false });
    expect(refused).toMatchObject({ validCount: 2, imported: 0, isRefused: true, rejected: [{ line: 4, number: "0121 496 02" }] });
    expect(await db.did.count({ where: { number: { in: ["+442079460200", "+441614960200"] } } })).toBe(0);

    const fixed = await admin.didInventory.import({ csv: bad.replace("0121 496 02,", "0121 496 0200,"), mode: "allOrNothing", isDryRun: false });
    expect(fixed).toMatchObject({ imported: 3, rejected: [] });
  });

  it("rejects a number already in another partner's stock, without saying whose", async () => {
    await rival.didInventory.create({ number: "+442079460300", area: "Rival", setupPrice: "0", monthlyPrice: "1" });
    const report = await admin.didInventory.import({ csv: sheet("020 7946 0300,London,0,1", "020 7946 0301,London,0,1"), mode: "validRowsOnly", isDryRun: false });
    expect(report.rejected).toEqual([{ line: 2, number: "+442079460300", reason: "+442079460300 is already taken on this platform." }]);
    expect(report.imported).toBe(1);
    expect((await db.did.findUniqueOrThrow({ where: { number: "+442079460300" } })).area).toBe("Rival");
    await expectTrpcError(admin.didInventory.create({ number: "02079460300", area: "", setupPrice: "0", monthlyPrice: "1" }), "CONFLICT");
  });

  it("refuses a file it cannot read with a message and writes nothing", async () => {
    await expectTrpcError(admin.didInventory.import({ csv: "02079460400,London,0,1", mode: "validRowsOnly", isDryRun: false }), "BAD_REQUEST");
    expect(await db.did.count({ where: { number: "+442079460400" } })).toBe(0);
  });

  it("refuses a malformed or premium-rate number added by hand", async () => {
    await expectTrpcError(admin.didInventory.create({ number: "020 7946", area: "", setupPrice: "0", monthlyPrice: "1" }), "BAD_REQUEST");
    await expectTrpcError(admin.didInventory.create({ number: "09098790000", area: "", setupPrice: "0", monthlyPrice: "1" }), "BAD_REQUEST");
    const created = await admin.didInventory.create({ number: "(202) 555-0143", countryIso: "US", area: "Washington", setupPrice: "0", monthlyPrice: "1" });
    expect(await db.did.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ number: "+12025550143", countryIso: "US", numberType: "FIXED_LINE_OR_MOBILE" });
  });

  it("changes and retires only numbers on the shelf", async () => {
    const { id } = await admin.didInventory.create({ number: "020 7946 0500", area: "London", setupPrice: "1", monthlyPrice: "1" });
    await admin.didInventory.update({ id, area: "London W1", setupPrice: "2.5", monthlyPrice: "1.25" });
    expect(await db.did.findUniqueOrThrow({ where: { id } })).toMatchObject({ area: "London W1" });

    const customer = await seedTenant({ partnerId });
    await db.did.update({ where: { id }, data: { state: "ASSIGNED", tenantId: customer.tenant.id } });
    await expectTrpcError(admin.didInventory.update({ id, area: "Stolen", setupPrice: "0", monthlyPrice: "0" }), "CONFLICT");
    await expectTrpcError(admin.didInventory.retire({ id }), "CONFLICT");

    await db.did.update({ where: { id }, data: { state: "QUARANTINED", tenantId: null, quarantinedUntil: new Date(Date.now() + 86_400_000) } });
    await admin.didInventory.retire({ id });
    expect(await db.did.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "RETIRED", quarantinedUntil: null });
    const actions = (await db.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["numbers.inventory.create", "numbers.inventory.update", "numbers.inventory.retire"]);
  });

  it("finds by number as typed, by area, by state and country, newest first or by number", async () => {
    const found = await admin.didInventory.find({ search: "020 7946 02" });
    expect(found.items.map((d) => d.number)).toEqual(["+442079460200"]);
    expect((await admin.didInventory.find({ search: "manch" })).items.map((d) => d.number)).toEqual(["+441614960200"]);
    expect((await admin.didInventory.find({ state: "RETIRED" })).items.map((d) => d.number)).toEqual(["+442079460500"]);
    expect((await admin.didInventory.find({ countryIso: "US" })).items.map((d) => d.number)).toEqual(["+12025550143"]);
    const byNumber = (await admin.didInventory.find({ sort: "number" })).items.map((d) => d.number);
    expect(byNumber).toEqual([...byNumber].sort());
    expect((await admin.didInventory.find({})).items[0]!.number).toBe("+442079460500");
  });
});
