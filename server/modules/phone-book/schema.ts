/** The phone book's inputs. Browser-safe: the contact form validates with the same schemas. */
import { z } from "zod";
import { multiLine, singleLine, ZRecordId } from "../../validation/text";

export const CONTACT_PAGE_SIZE = 50;
export const MAX_NUMBERS_PER_CONTACT = 10;
/** Labels are a fixed set, so the CSV has one column per label and round-trips. */
export const NUMBER_LABELS = ["Mobile", "Work", "Home", "Fax", "Other"] as const;
export type NumberLabel = (typeof NUMBER_LABELS)[number];
/** Which book: the company's (everyone reads, admins edit) or the viewer's own. */
export const PHONE_BOOKS = ["company", "personal"] as const;
export type PhoneBook = (typeof PHONE_BOOKS)[number];
export const CONTACT_IMPORT_MODES = ["validRowsOnly", "allOrNothing"] as const;
export const MAX_CONTACT_IMPORT_BYTES = 1024 * 1024;

export const ZContactNumber = z.object({
  label: z.enum(NUMBER_LABELS, { error: "Choose a label" }),
  /** As typed; read in the company's country (company-number.ts) and stored as E.164. */
  number: singleLine().min(1, "Enter a number").max(40, "Use at most 40 characters"),
});

const ZContactFields = {
  name: singleLine().min(1, "Enter a name").max(100, "Use at most 100 characters"),
  company: singleLine().max(100, "Use at most 100 characters"),
  email: z.union([z.literal(""), singleLine().max(254, "Use at most 254 characters").pipe(z.email("Enter a valid email address"))]),
  numbers: z.array(ZContactNumber).min(1, "Add at least one number").max(MAX_NUMBERS_PER_CONTACT, `Add at most ${MAX_NUMBERS_PER_CONTACT} numbers`),
};

export const ZCreateContactInput = z.object({ book: z.enum(PHONE_BOOKS), ...ZContactFields });
export type TCreateContactInput = z.infer<typeof ZCreateContactInput>;
export const ZUpdateContactInput = z.object({ id: ZRecordId, ...ZContactFields });
export type TUpdateContactInput = z.infer<typeof ZUpdateContactInput>;
export const ZContactId = z.object({ id: ZRecordId });

export const ZFindContactsInput = z.object({
  /** Absent: both books the viewer reads, company and own. */
  book: z.enum(PHONE_BOOKS).optional(),
  /** Part of a name, a company or a number. */
  search: singleLine().max(100, "Use at most 100 characters").optional(),
  /** The id of the last contact of the previous page. */
  cursor: ZRecordId.optional(),
});
export type TFindContactsInput = z.infer<typeof ZFindContactsInput>;

export const ZImportContactsInput = z.object({
  book: z.enum(PHONE_BOOKS),
  csv: multiLine().min(1, "Choose a file or paste the contacts").max(MAX_CONTACT_IMPORT_BYTES, "The file is larger than 1 MB"),
  mode: z.enum(CONTACT_IMPORT_MODES),
  /** Report only: what would be imported and what refused, writing nothing. */
  isDryRun: z.boolean(),
});
export type TImportContactsInput = z.infer<typeof ZImportContactsInput>;
