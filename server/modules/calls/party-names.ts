/**
 * Names for the numbers on a page of calls: the company's extensions by number, and phone-book
 * entries the viewer may read (company contacts and their own personal ones, never a
 * colleague's). One query each per page, however many rows.
 */
import type { TenantDb } from "../../tenancy";

export type PartyNames = {
  extensionByNumber: ReadonlyMap<string, { number: string; displayName: string }>;
  /** E.164 -> contact name; the viewer's own entry wins over a company one. */
  contactByNumber: ReadonlyMap<string, string>;
};

export async function partyNames(db: TenantDb, viewerId: string, numbers: readonly string[]): Promise<PartyNames> {
  const unique = [...new Set(numbers)];
  const short = unique.filter((n) => !n.startsWith("+"));
  const e164 = unique.filter((n) => n.startsWith("+"));
  const [extensions, contactNumbers] = await Promise.all([
    short.length === 0 ? [] : db.extension.findMany({ where: { number: { in: short } }, select: { number: true, displayName: true } }),
    e164.length === 0
      ? []
      : db.contactNumber.findMany({
          where: { number: { in: e164 }, contact: { OR: [{ ownerUserId: null }, { ownerUserId: viewerId }] } },
          select: { number: true, contact: { select: { name: true, ownerUserId: true } } },
          orderBy: [{ contactId: "asc" }, { position: "asc" }],
        }),
  ]);
  const contactByNumber = new Map<string, string>();
  for (const row of contactNumbers) {
    const isPersonal = row.contact.ownerUserId !== null;
    if (isPersonal || !contactByNumber.has(row.number)) contactByNumber.set(row.number, row.contact.name);
  }
  return { extensionByNumber: new Map(extensions.map((e) => [e.number, e])), contactByNumber };
}
