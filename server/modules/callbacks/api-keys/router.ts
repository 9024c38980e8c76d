import { createTRPCRouter, tenantAdminProcedure } from "../../../api/trpc";
import { ZApiKeyId, ZCreateApiKeyInput, ZUpdateApiKeyInput } from "./schema";
import { createApiKey, findApiKeyScopes, findApiKeys, revokeApiKey, updateApiKey } from "./service";

/** A company's callback API keys: its admins only (a key can start calls from any line). */
export const apiKeysRouter = createTRPCRouter({
  list: tenantAdminProcedure.query(({ ctx }) => findApiKeys(ctx.tenant)),
  scopes: tenantAdminProcedure.query(({ ctx }) => findApiKeyScopes(ctx.tenant)),
  create: tenantAdminProcedure.input(ZCreateApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.tenant, ctx.user, input)),
  update: tenantAdminProcedure.input(ZUpdateApiKeyInput).mutation(({ ctx, input }) => updateApiKey(ctx.tenant, ctx.user, input)),
  revoke: tenantAdminProcedure.input(ZApiKeyId).mutation(({ ctx, input }) => revokeApiKey(ctx.tenant, ctx.user, input.id)),
});
