/**
 * The phone book through the API: who may write which book, personal contacts invisible to
 * everyone but their owner (admins included), server-side search and pages, the CSV import's
 * report and modes, and the streamed export.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sessionUser } from "@/tests/fixtures/seed-tenant";
import { expectTrpcError } from "@/tests/fixtures/procedures";
import { callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { createPhoneBookExportHandler } from "./export-handler";
import { CONTACT_CSV_HEADER } from "./csv-format";
import { CONTACT_PAGE_SIZE } from "./schema";
import { unwatchedSession } from "@/server/web/session-bound-stream";

type World = Awaited<ReturnType<typeof seedTenant>>;
let world: World;
const admin = () => callerFor(world.admin.id);
const user = (i: number) => callerFor(world.users[i]!.id);
const contact = (name: string, number: string, extra: { company?: string; email?: string } = {}) =>
  ({ name, company: extra.company ?? "", email: extra.email ?? "", numbers: [{ label: "Mobile" as const, number }] });

beforeAll(async () => {
  const { partner } = await seedPartner();
  world = await seedTenant({ partnerId: partner.id, extensionUsers: 2 });
});

describe("[PHONE_BOOK] company and personal contacts", () => {
  it("lets admins write the company book, everyone read it, and extension users not write it", async () => {
    const created = await (await admin()).phoneBook.create({ book: "company", ...contact("Acme Supplies", "020 7946 0000", { company: "Acme", email: "sales@acme.example" }) });
    expect(created).toMatchObject({ ownerUserId: null, company: "Acme", numbers: [{ label: "Mobile", number: "+442079460000" }] });
    expect((await (await user(0)).phoneBook.get({ id: created.id })).name).toBe("Acme Supplies");
    await expectTrpcError((await user(0)).phoneBook.create({ book: "company", ...contact("Nope", "020 7946 0001") }), "FORBIDDEN");
    await expectTrpcError((await user(0)).phoneBook.update({ id: created.id, ...contact("Renamed", "020 7946 0000") }), "FORBIDDEN");
    await expectTrpcError((await user(0)).phoneBook.delete({ id: created.id }), "FORBIDDEN");
    const updated = await (await admin()).phoneBook.update({ id: created.id, name: "Acme Supplies", company: "", email: "", numbers: [{ label: "Work", number: "+44 20 7946 0002" }, { label: "Home", number: "020 7946 0002" }] });
    // The same number twice is kept once; an emptied company is null.
    expect(updated).toMatchObject({ company: null, email: null, numbers: [{ label: "Work", number: "+442079460002" }] });
  });

  it("keeps personal contacts to their owner: a colleague and an admin find nothing", async () => {
    const mine = await (await user(0)).phoneBook.create({ book: "personal", ...contact("My Dentist", "07400 123456") });
    expect(mine.ownerUserId).toBe(world.users[0]!.id);
    for (const other of [await user(1), await admin()]) {
      await expectTrpcError(other.phoneBook.get({ id: mine.id }), "NOT_FOUND");
      await expectTrpcError(other.phoneBook.update({ id: mine.id, ...contact("Taken", "07400 123456") }), "NOT_FOUND");
      await expectTrpcError(other.phoneBook.delete({ id: mine.id }), "NOT_FOUND");
      expect((await other.phoneBook.find({ search: "Dentist" })).items).toEqual([]);
    }
    const renamed = await (await user(0)).phoneBook.update({ id: mine.id, ...contact("My Dentist (Dr Who)", "07400 123456") });
    expect(renamed.name).toBe("My Dentist (Dr Who)");
    await (await user(0)).phoneBook.delete({ id: mine.id });
    expect(await db.contact.count({ where: { id: mine.id } })).toBe(0);
  });

  it("refuses invalid input with a clear message and writes nothing", async () => {
    const before = await db.contact.count();
    await expectTrpcError((await admin()).phoneBook.create({ book: "company", ...contact("Bad Number", "12") }), "BAD_REQUEST");
    await expectTrpcError((await admin()).phoneBook.create({ book: "company", ...contact("", "020 7946 0000") }), "BAD_REQUEST");
    await expectTrpcError((await admin()).phoneBook.create({ book: "company", ...contact("Bad Mail", "020 7946 0000", { email: "not-mail" }) }), "BAD_REQUEST");
    await expectTrpcError((await admin()).phoneBook.create({ book: "company", name: "No Numbers", company: "", email: "", numbers: [] }), "BAD_REQUEST");
    await expectTrpcError((await admin()).phoneBook.create({ book: "company", ...contact("Line\nBreak", "020 7946 0000") }), "BAD_REQUEST");
    expect(await db.contact.count()).toBe(before);
  });
});

describe("[PHONE_BOOK] search and pages", () => {
  it("finds by name, company or number digits in any common form", async () => {
    const a = await (await admin()).phoneBook.create({ book: "company", ...contact("Zed Searchable", "020 7123 4567", { company: "Widgets Plc" }) });
    const find = async (search: string) => (await (await user(1)).phoneBook.find({ search })).items.map((c) => c.id);
    for (const search of ["zed sea", "widgets", "020 7123 4567", "+44 20 7123", "71234567"]) expect(await find(search)).toContain(a.id);
    expect(await find("Nobody Like This")).toEqual([]);
    expect((await (await user(1)).phoneBook.find({ book: "personal", search: "zed" })).items).toEqual([]);
  });

  it("pages through a large book by name without repeats", async () => {
    const { partner } = await seedPartner();
    const big = await seedTenant({ partnerId: partner.id, extensionUsers: 0 });
    const total = CONTACT_PAGE_SIZE + 3;
    for (let i = 0; i < total; i++) {
      await db.contact.create({ data: { tenantId: big.tenant.id, name: `Person ${String(i % 10)}`, numbers: { create: [{ tenantId: big.tenant.id, label: "Work", number: "+442079460000", position: 0 }] } } });
    }
    const caller = await callerFor(big.admin.id);
    const first = await caller.phoneBook.find({});
    const second = await caller.phoneBook.find({ cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((c) => c.id)).size).toBe(total);
    expect(all.map((c) => c.name)).toEqual([...all.map((c) => c.name)].sort());
  });
});

describe("[PHONE_BOOK] CSV import and export", () => {
  const header = CONTACT_CSV_HEADER.join(",");
  const csv = [header, "Imp One,,,07400 100001,,,,", "Imp Two,Acme,two@acme.example,,020 7946 0100,,,", "Imp Bad,,,12,,,,", ",,,07400 100004,,,,"].join("\n");

  it("reports every refused row with its line, imports valid rows only on request", async () => {
    const caller = await admin();
    const preview = await caller.phoneBook.import({ book: "company", csv, mode: "validRowsOnly", isDryRun: true });
    expect(preview).toMatchObject({ validCount: 2, imported: 0, isRefused: false });
    expect(preview.rejected).toEqual([
      { line: 4, name: "Imp Bad", reason: 'mobile: "12" is not a valid phone number.' },
      { line: 5, name: "", reason: "name: enter a name." },
    ]);
    expect(await db.contact.count({ where: { tenantId: world.tenant.id, name: { startsWith: "Imp " } } })).toBe(0);
    const refused = await caller.phoneBook.import({ book: "company", csv, mode: "allOrNothing", isDryRun: false });
    expect(refused).toMatchObject({ isRefused: true, imported: 0 });
    expect(await db.contact.count({ where: { tenantId: world.tenant.id, name: { startsWith: "Imp " } } })).toBe(0);
    const done = await caller.phoneBook.import({ book: "company", csv, mode: "validRowsOnly", isDryRun: false });
    expect(done.imported).toBe(2);
    const two = await db.contact.findFirstOrThrow({ where: { tenantId: world.tenant.id, name: "Imp Two" }, include: { numbers: true } });
    expect(two).toMatchObject({ ownerUserId: null, company: "Acme", email: "two@acme.example", numbers: [{ label: "Work", number: "+442079460100" }] });
  });

  it("imports into a user's own book, and refuses the company book to extension users", async () => {
    const file = [header, "Own Import,,,07400 100005,,,,"].join("\n");
    await expectTrpcError((await user(1)).phoneBook.import({ book: "company", csv: file, mode: "allOrNothing", isDryRun: true }), "FORBIDDEN");
    expect((await (await user(1)).phoneBook.import({ book: "personal", csv: file, mode: "allOrNothing", isDryRun: false })).imported).toBe(1);
    expect((await db.contact.findFirstOrThrow({ where: { name: "Own Import" } })).ownerUserId).toBe(world.users[1]!.id);
    await expectTrpcError((await admin()).phoneBook.import({ book: "company", csv: "nothing,here", mode: "allOrNothing", isDryRun: true }), "BAD_REQUEST");
  });

  it("streams the book as CSV that imports back, personal entries only to their owner", async () => {
    await (await admin()).phoneBook.create({ book: "company", name: "Export Co", company: "Acme", email: "x@acme.example", numbers: [{ label: "Work", number: "020 7946 0200" }, { label: "Work", number: "020 7946 0201" }] });
    await (await user(1)).phoneBook.create({ book: "personal", ...contact("=Formula Friend", "07400 100006") });
    const exportAs = async (userId: string | null, book: string) => {
      const handler = createPhoneBookExportHandler({ getSession: async () => unwatchedSession(userId ? await sessionUser(userId) : null) });
      return handler(new Request(`http://portal.test/api/phone-book/export?book=${book}`));
    };
    const company = await exportAs(world.users[0]!.id, "company");
    expect(company.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await company.text();
    expect(text.split("\r\n")[0]).toBe(header);
    // Several numbers of one label share their column; a leading "+" gets the formula guard.
    expect(text).toContain("Export Co,Acme,x@acme.example,,'+442079460200; +442079460201,,,");
    expect(text).not.toContain("Formula Friend");
    const own = await (await exportAs(world.users[1]!.id, "personal")).text();
    expect(own).toContain("'=Formula Friend,,,'+447400100006,,,,");
    expect(await (await exportAs(world.users[0]!.id, "personal")).text()).not.toContain("Formula Friend");
    expect((await exportAs(null, "company")).status).toBe(401);
    expect((await exportAs(world.admin.id, "everyone")).status).toBe(400);
    // What was exported imports back as the same contact.
    const back = await (await user(0)).phoneBook.import({ book: "personal", csv: own, mode: "allOrNothing", isDryRun: true });
    expect(back.rejected).toEqual([]);
    expect(back.preview).toContainEqual(expect.objectContaining({ name: "=Formula Friend", numbers: ["+447400100006"] }));
  });
});
