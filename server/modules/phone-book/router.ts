import { createTRPCRouter, tenantProcedure } from "../../api/trpc";
import { importContacts } from "./import-service";
import { ZContactId, ZCreateContactInput, ZFindContactsInput, ZImportContactsInput, ZUpdateContactInput } from "./schema";
import { createContact, deleteContact, findContacts, getContact, updateContact } from "./service";

/**
 * Everyone in a company: the company book to read (admins also write it) and their own
 * personal book. Who may touch what is decided in access.ts, per contact, not per procedure.
 * The CSV export is GET /api/phone-book/export (export-handler.ts).
 */
export const phoneBookRouter = createTRPCRouter({
  find: tenantProcedure.input(ZFindContactsInput).query(({ ctx, input }) => findContacts(ctx.tenant, ctx.user, input)),
  get: tenantProcedure.input(ZContactId).query(({ ctx, input }) => getContact(ctx.tenant, ctx.user, input.id)),
  create: tenantProcedure.input(ZCreateContactInput).mutation(({ ctx, input }) => createContact(ctx.tenant, ctx.user, input)),
  update: tenantProcedure.input(ZUpdateContactInput).mutation(({ ctx, input }) => updateContact(ctx.tenant, ctx.user, input)),
  delete: tenantProcedure.input(ZContactId).mutation(({ ctx, input }) => deleteContact(ctx.tenant, ctx.user, input.id)),
  import: tenantProcedure.input(ZImportContactsInput).mutation(({ ctx, input }) => importContacts(ctx.tenant, ctx.user, input)),
});
