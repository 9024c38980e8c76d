/** Cross-tenant cases of the recent calls and phone book procedures (issue 13); spread into cross-tenant.integration.test.ts. */
import { expect } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "../../fixtures/procedures";
import { seedCallRecord, seedContact } from "../../fixtures/seed-calls";
import { seedLineExtension } from "../../fixtures/seed-media";
import type { Case, World } from "./case-types";

let nextNumber = 820;
const globexSpeedDial = ({ globex }: World) => db.speedDial.create({ data: { tenantId: globex.tenant.id, code: `*${nextNumber++}`, number: "+12125550100", label: "Globex" } });
const globexBlock = ({ globex }: World) => db.blockedNumber.create({ data: { tenantId: globex.tenant.id, pattern: `+4474001${nextNumber++}00`, isPrefix: false } });

export const CALLS_CASES: Record<string, Case> = {
  "calls.recent": async (acme, { globex }) => {
    const theirs = await seedCallRecord(globex.tenant.id);
    expect((await acme.calls.recent({})).items.map((c) => c.id)).not.toContain(theirs.id);
    const extension = await seedLineExtension(globex.tenant.id, String(nextNumber++));
    await expectTrpcError(acme.calls.recent({ extensionId: extension.id }), "NOT_FOUND");
  },
  "calls.extensions": async (acme, { globex }) => {
    const extension = await seedLineExtension(globex.tenant.id, String(nextNumber++));
    expect((await acme.calls.extensions()).map((e) => e.id)).not.toContain(extension.id);
  },
  "blockList.find": async (acme, world) => {
    const theirs = await globexBlock(world);
    expect((await acme.blockList.find()).map((b) => b.id)).not.toContain(theirs.id);
  },
  "blockList.create": async (acme, { acme: own, globex }) => {
    // The same number in both companies: each block is its company's own.
    await db.blockedNumber.create({ data: { tenantId: globex.tenant.id, pattern: "+447400999001", isPrefix: false } });
    const mine = await acme.blockList.create({ number: "+447400999001" });
    expect((await db.blockedNumber.findUniqueOrThrow({ where: { id: mine.id } })).tenantId).toBe(own.tenant.id);
  },
  "blockList.delete": async (acme, world) => {
    const theirs = await globexBlock(world);
    await expectTrpcError(acme.blockList.delete({ id: theirs.id }), "NOT_FOUND");
    expect(await db.blockedNumber.count({ where: { id: theirs.id } })).toBe(1);
  },
  "speedDial.find": async (acme, world) => {
    const theirs = await globexSpeedDial(world);
    expect((await acme.speedDial.find()).map((s) => s.id)).not.toContain(theirs.id);
  },
  "speedDial.create": async (acme, world) => {
    // Globex's code does not block Acme's, and Acme's lands in Acme.
    const theirs = await globexSpeedDial(world);
    const mine = await acme.speedDial.create({ code: theirs.code, number: "+12125550100", label: "Ours" });
    expect((await db.speedDial.findUniqueOrThrow({ where: { id: mine.id } })).tenantId).toBe(world.acme.tenant.id);
  },
  "speedDial.update": async (acme, world) => {
    const theirs = await globexSpeedDial(world);
    await expectTrpcError(acme.speedDial.update({ id: theirs.id, code: "*99", number: "+12125550100", label: "Hijacked" }), "NOT_FOUND");
    expect((await db.speedDial.findUniqueOrThrow({ where: { id: theirs.id } })).label).toBe("Globex");
  },
  "speedDial.delete": async (acme, world) => {
    const theirs = await globexSpeedDial(world);
    await expectTrpcError(acme.speedDial.delete({ id: theirs.id }), "NOT_FOUND");
    expect(await db.speedDial.count({ where: { id: theirs.id } })).toBe(1);
  },
  "phoneBook.find": async (acme, { globex }) => {
    const theirs = await seedContact(globex.tenant.id, "Globex Contact", "+447400123999");
    expect((await acme.phoneBook.find({})).items.map((c) => c.id)).not.toContain(theirs.id);
    expect((await acme.phoneBook.find({ search: "7400123999" })).items).toEqual([]);
    await expectTrpcError(acme.phoneBook.find({ cursor: theirs.id }), "BAD_REQUEST");
  },
  "phoneBook.get": async (acme, { globex }) => {
    const theirs = await seedContact(globex.tenant.id, "Globex Get", "+447400123998");
    await expectTrpcError(acme.phoneBook.get({ id: theirs.id }), "NOT_FOUND");
  },
  "phoneBook.create": async (acme, { acme: own }) => {
    // No input can name a tenant: an extra tenantId is stripped by the schema and overwritten by the scope.
    const input = { book: "company" as const, name: "New", company: "", email: "", numbers: [{ label: "Work" as const, number: "020 7946 0001" }], tenantId: "other" };
    const created = await acme.phoneBook.create(input);
    expect((await db.contact.findUniqueOrThrow({ where: { id: created.id } })).tenantId).toBe(own.tenant.id);
  },
  "phoneBook.update": async (acme, { globex }) => {
    const theirs = await seedContact(globex.tenant.id, "Globex Update", "+447400123997");
    await expectTrpcError(acme.phoneBook.update({ id: theirs.id, name: "Hijacked", company: "", email: "", numbers: [{ label: "Work", number: "020 7946 0002" }] }), "NOT_FOUND");
    expect((await db.contact.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe("Globex Update");
  },
  "phoneBook.delete": async (acme, { globex }) => {
    const theirs = await seedContact(globex.tenant.id, "Globex Delete", "+447400123996");
    await expectTrpcError(acme.phoneBook.delete({ id: theirs.id }), "NOT_FOUND");
    expect(await db.contact.count({ where: { id: theirs.id } })).toBe(1);
  },
  "phoneBook.import": async (acme, { acme: own, globex }) => {
    const report = await acme.phoneBook.import({ book: "company", csv: "name,mobile\nImported Person,07400 123995", mode: "allOrNothing", isDryRun: false });
    expect(report.imported).toBe(1);
    expect(await db.contact.count({ where: { tenantId: own.tenant.id, name: "Imported Person" } })).toBe(1);
    expect(await db.contact.count({ where: { tenantId: globex.tenant.id, name: "Imported Person" } })).toBe(0);
  },
};
