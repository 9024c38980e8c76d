import { createTRPCRouter, partnerAdminProcedure } from "../../../api/trpc";
import { importDids } from "./inventory-import";
import { createDid, findDids, retireDid, updateDid } from "./inventory-service";
import { deleteDidPrice, findDidPrices, upsertDidPrice } from "./prices-service";
import {
  ZCreateDidInput, ZCreateTierInput, ZDeleteDidPriceInput, ZIdInput, ZFindDidsInput, ZImportDidsInput, ZUpdateDidInput,
  ZUpdateTierInput, ZUpsertDidPriceInput,
} from "./schema";
import { createTier, deleteTier, findTiers, updateTier } from "./tiers-service";

/** The admin's partner bounds every call; the actor stamps the audit rows. */
const scope = (ctx: { partnerId: string; user: { id: string; email: string } }) => ({
  partnerId: ctx.partnerId,
  actor: { id: ctx.user.id, email: ctx.user.email, partnerId: ctx.partnerId },
});

export const didInventoryRouter = createTRPCRouter({
  find: partnerAdminProcedure.input(ZFindDidsInput).query(({ ctx, input }) => findDids(scope(ctx), input)),
  create: partnerAdminProcedure.input(ZCreateDidInput).mutation(({ ctx, input }) => createDid(scope(ctx), input)),
  update: partnerAdminProcedure.input(ZUpdateDidInput).mutation(({ ctx, input }) => updateDid(scope(ctx), input)),
  retire: partnerAdminProcedure.input(ZIdInput).mutation(({ ctx, input }) => retireDid(scope(ctx), input.id)),
  import: partnerAdminProcedure.input(ZImportDidsInput).mutation(({ ctx, input }) => importDids(scope(ctx), input)),
});

export const didTierRouter = createTRPCRouter({
  find: partnerAdminProcedure.query(({ ctx }) => findTiers(scope(ctx))),
  create: partnerAdminProcedure.input(ZCreateTierInput).mutation(({ ctx, input }) => createTier(scope(ctx), input)),
  update: partnerAdminProcedure.input(ZUpdateTierInput).mutation(({ ctx, input }) => updateTier(scope(ctx), input)),
  delete: partnerAdminProcedure.input(ZIdInput).mutation(({ ctx, input }) => deleteTier(scope(ctx), input.id)),
});

export const didPriceRouter = createTRPCRouter({
  find: partnerAdminProcedure.query(({ ctx }) => findDidPrices(scope(ctx))),
  upsert: partnerAdminProcedure.input(ZUpsertDidPriceInput).mutation(({ ctx, input }) => upsertDidPrice(scope(ctx), input)),
  delete: partnerAdminProcedure.input(ZDeleteDidPriceInput).mutation(({ ctx, input }) => deleteDidPrice(scope(ctx), input.countryIso)),
});
