import { createTRPCRouter, partnerAdminProcedure } from "../../api/trpc";
import { deleteRate, importRates, upsertRate } from "./rates-service";
import {
  ZAssignTariffInput, ZCreateTariffInput, ZDeleteRateInput, ZGetTariffInput, ZImportRatesInput, ZTariffId,
  ZUpdateTariffInput, ZUpsertRateInput,
} from "./schema";
import {
  assignTariffToCustomer, createTariff, deleteTariff, findTariffs, getTariff, setDefaultTariff, updateTariff,
} from "./service";

/** The admin's partner bounds every call; the actor stamps the audit rows. */
const scope = (ctx: { partnerId: string; user: { id: string; email: string } }) => ({
  partnerId: ctx.partnerId,
  actor: { id: ctx.user.id, email: ctx.user.email, partnerId: ctx.partnerId },
});

export const tariffRouter = createTRPCRouter({
  find: partnerAdminProcedure.query(({ ctx }) => findTariffs(scope(ctx))),
  get: partnerAdminProcedure.input(ZGetTariffInput).query(({ ctx, input }) => getTariff(scope(ctx), input)),
  create: partnerAdminProcedure.input(ZCreateTariffInput).mutation(({ ctx, input }) => createTariff(scope(ctx), input)),
  update: partnerAdminProcedure.input(ZUpdateTariffInput).mutation(({ ctx, input }) => updateTariff(scope(ctx), input)),
  delete: partnerAdminProcedure.input(ZTariffId).mutation(({ ctx, input }) => deleteTariff(scope(ctx), input.id)),
  setDefault: partnerAdminProcedure.input(ZTariffId).mutation(({ ctx, input }) => setDefaultTariff(scope(ctx), input.id)),
  importRates: partnerAdminProcedure.input(ZImportRatesInput).mutation(({ ctx, input }) => importRates(scope(ctx), input)),
  assignToCustomer: partnerAdminProcedure.input(ZAssignTariffInput).mutation(({ ctx, input }) => assignTariffToCustomer(scope(ctx), input)),
  rate: createTRPCRouter({
    upsert: partnerAdminProcedure.input(ZUpsertRateInput).mutation(({ ctx, input }) => upsertRate(scope(ctx), input)),
    delete: partnerAdminProcedure.input(ZDeleteRateInput).mutation(({ ctx, input }) => deleteRate(scope(ctx), input)),
  }),
});
