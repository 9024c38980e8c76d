/**
 * Who reaches which contacts. Company contacts (ownerUserId null): everyone in the company
 * reads them, only customer admins change them. Personal contacts: their owner alone, for
 * reading and writing; to anyone else, admins included, they do not exist (NOT_FOUND).
 */
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { PhoneBook } from "./schema";

export type ContactViewer = { id: string; role: string };

export const visibleContactsWhere = (viewer: ContactViewer, book?: PhoneBook): Prisma.ContactWhereInput =>
  book === "company" ? { ownerUserId: null } : book === "personal" ? { ownerUserId: viewer.id } : { OR: [{ ownerUserId: null }, { ownerUserId: viewer.id }] };

/** The owner a new contact in `book` gets; throws FORBIDDEN when an extension user writes the company's book. */
export function ownerFor(viewer: ContactViewer, book: PhoneBook): string | null {
  if (book === "personal") return viewer.id;
  assertMayEditCompanyBook(viewer);
  return null;
}

export function assertMayEdit(viewer: ContactViewer, contact: { ownerUserId: string | null }) {
  if (contact.ownerUserId === null) assertMayEditCompanyBook(viewer);
  else if (contact.ownerUserId !== viewer.id) throw new AppError("NOT_FOUND", "That contact does not exist.");
}

function assertMayEditCompanyBook(viewer: ContactViewer) {
  if (viewer.role !== "CUSTOMER_ADMIN") throw new AppError("FORBIDDEN", "Only your company's administrators can change the company phone book.");
}
