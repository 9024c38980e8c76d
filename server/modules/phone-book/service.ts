/**
 * Phone-book contacts: list and search (server side, keyset pages by name), read, create,
 * update, delete. Who reaches what is access.ts's; numbers are stored as E.164, read in the
 * company's country, so "07700 900123" and "+44 7700 900123" are one number.
 */
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { TenantScope } from "../../tenancy";
import { assertMayEdit, ownerFor, visibleContactsWhere, type ContactViewer } from "./access";
import { companyCallingCode, toCompanyE164 } from "./company-number";
import { CONTACT_PAGE_SIZE, type TCreateContactInput, type TFindContactsInput, type TUpdateContactInput } from "./schema";

export const contactSelect = {
  id: true, name: true, company: true, email: true, ownerUserId: true, updatedAt: true,
  numbers: { select: { id: true, label: true, number: true }, orderBy: { position: "asc" } },
} as const;
export type ContactView = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;

/** A number search matches stored E.164 by its digits: "7946 0000", "020 7946 0000" and "+44 20 7946" all find +442079460000. */
function searchWhere(search: string, callingCode: string): Prisma.ContactWhereInput {
  const text = { contains: search, mode: "insensitive" } as const;
  const asNumber = toCompanyE164(search, callingCode);
  const digits = search.replace(/[\s().-]/g, "");
  const numberFilters: Prisma.ContactWhereInput[] = [];
  if (asNumber) numberFilters.push({ numbers: { some: { number: { startsWith: asNumber } } } });
  // Typed nationally ("020 79…"): drop the trunk 0 so the digits line up with E.164's.
  if (/^\+?[0-9]{3,}$/.test(digits)) numberFilters.push({ numbers: { some: { number: { contains: digits.replace(/^\+/, "").replace(/^0/, "") } } } });
  return { OR: [{ name: text }, { company: text }, ...numberFilters] };
}

export async function findContacts(scope: TenantScope, viewer: ContactViewer, input: TFindContactsInput) {
  const { db } = scope;
  const after = input.cursor ? await db.contact.findFirst({ where: { AND: [{ id: input.cursor }, visibleContactsWhere(viewer)] }, select: { id: true, name: true } }) : null;
  if (input.cursor && !after) throw new AppError("INVALID", "That page is no longer there; search again.");
  const search = input.search?.trim();
  const where: Prisma.ContactWhereInput = {
    AND: [
      visibleContactsWhere(viewer, input.book),
      search ? searchWhere(search, await companyCallingCode(scope)) : {},
      after ? { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] } : {},
    ],
  };
  const rows = await db.contact.findMany({ where, select: contactSelect, orderBy: [{ name: "asc" }, { id: "asc" }], take: CONTACT_PAGE_SIZE + 1 });
  const items = rows.slice(0, CONTACT_PAGE_SIZE);
  return { items, nextCursor: rows.length > CONTACT_PAGE_SIZE ? (items.at(-1)?.id ?? null) : null };
}

export async function getContact({ db }: TenantScope, viewer: ContactViewer, id: string): Promise<ContactView> {
  const found = await db.contact.findFirst({ where: { AND: [{ id }, visibleContactsWhere(viewer)] }, select: contactSelect });
  if (!found) throw new AppError("NOT_FOUND", "That contact does not exist.");
  return found;
}

/** E.164 numbers in order, duplicates dropped; throws INVALID naming the first bad one. */
export function normalizeNumbers(numbers: TCreateContactInput["numbers"], callingCode: string) {
  const seen = new Set<string>();
  const out: { label: string; number: string; position: number }[] = [];
  numbers.forEach((n, i) => {
    const e164 = toCompanyE164(n.number, callingCode);
    if (!e164) {
      const message = `"${n.number}" is not a valid phone number.`;
      throw new AppError("INVALID", message, { fieldErrors: { [`numbers.${i}.number`]: message } });
    }
    if (!seen.has(e164)) out.push({ label: n.label, number: e164, position: out.length });
    seen.add(e164);
  });
  return out;
}

const contactData = (input: Omit<TCreateContactInput, "book" | "numbers">) => ({ name: input.name, company: input.company || null, email: input.email || null });

export async function createContact(scope: TenantScope, viewer: ContactViewer, input: TCreateContactInput): Promise<ContactView> {
  const ownerUserId = ownerFor(viewer, input.book);
  const numbers = normalizeNumbers(input.numbers, await companyCallingCode(scope));
  const { db, tenantId } = scope;
  return db.contact.create({
    data: { tenantId, ownerUserId, ...contactData(input), numbers: { create: numbers.map((n) => ({ tenantId, ...n })) } },
    select: contactSelect,
  });
}

export async function updateContact(scope: TenantScope, viewer: ContactViewer, input: TUpdateContactInput): Promise<ContactView> {
  const before = await getContact(scope, viewer, input.id);
  assertMayEdit(viewer, before);
  const numbers = normalizeNumbers(input.numbers, await companyCallingCode(scope));
  const { db, tenantId } = scope;
  return db.$transaction(async (tx) => {
    await tx.contactNumber.deleteMany({ where: { contactId: input.id } });
    await tx.contactNumber.createMany({ data: numbers.map((n) => ({ tenantId, contactId: input.id, ...n })) });
    return tx.contact.update({ where: { id: input.id }, data: contactData(input), select: contactSelect });
  });
}

export async function deleteContact(scope: TenantScope, viewer: ContactViewer, id: string) {
  const found = await getContact(scope, viewer, id);
  assertMayEdit(viewer, found);
  await scope.db.contact.delete({ where: { id } });
  return { id };
}
