/**
 * Phone-book CSV import into the company's book (admins) or the viewer's own (anyone): the
 * pure parser's per-row report, then all valid rows in one transaction. `validRowsOnly`
 * writes the good rows and reports the rest; `allOrNothing` writes nothing while any row is
 * refused. A dry run only reports. The same shape as the DID stock import.
 */
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import { ownerFor, type ContactViewer } from "./access";
import { companyCallingCode } from "./company-number";
import { ContactCsvFileError, parseContactCsv } from "./csv-format";
import type { TImportContactsInput } from "./schema";

/** Rows of the preview the reply carries; the counts are always complete. */
const MAX_PREVIEW_ROWS = 200;

export async function importContacts(scope: TenantScope, viewer: ContactViewer, input: TImportContactsInput) {
  const ownerUserId = ownerFor(viewer, input.book);
  let parsed: ReturnType<typeof parseContactCsv>;
  try {
    parsed = parseContactCsv(input.csv, await companyCallingCode(scope));
  } catch (err) {
    if (err instanceof ContactCsvFileError) throw new AppError("INVALID", err.message, { fieldErrors: { csv: err.message } });
    throw err;
  }
  const { rows, rejected } = parsed;
  const preview = rows.slice(0, MAX_PREVIEW_ROWS).map((r) => ({ line: r.line, name: r.name, company: r.company, numbers: r.numbers.map((n) => n.number) }));
  const report = { validCount: rows.length, rejected, preview, imported: 0, isRefused: false };
  if (input.isDryRun || rows.length === 0) return report;
  if (input.mode === "allOrNothing" && rejected.length > 0) return { ...report, isRefused: true };

  const { db, tenantId } = scope;
  await db.$transaction(async (tx) => {
    // createManyAndReturn keeps input order, so each contact's numbers follow it by index.
    const created = await tx.contact.createManyAndReturn({
      data: rows.map((r) => ({ tenantId, ownerUserId, name: r.name, company: r.company, email: r.email })),
      select: { id: true },
    });
    await tx.contactNumber.createMany({
      data: rows.flatMap((r, i) => r.numbers.map((n) => ({ tenantId, contactId: created[i]!.id, ...n }))),
    });
  }, { timeout: 30_000 });
  return { ...report, imported: rows.length };
}
