import { createTRPCRouter, tenantAdminProcedure, tenantProcedure } from "../../api/trpc";
import { mediaStore } from "../../media/storage/web-media-store";
import { ZExtensionRef, ZFindRecordingsInput, ZRecordingId, ZRecordingSettingsInput, ZRetentionInput } from "./schema";
import { deleteRecording, findRecordingExtensions, findRecordings } from "./service";
import { getRecordingSettings, getRetention, setRetention, updateRecordingSettings } from "./settings-service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/**
 * Listing is open to extension users (their own extensions' recordings, access.ts); deleting
 * and every setting are for administrators. Files are served by GET /api/media/recordings/<id>.
 */
export const recordingRouter = createTRPCRouter({
  find: tenantProcedure.input(ZFindRecordingsInput).query(({ ctx, input }) => findRecordings(ctx.tenant, ctx.user, input)),
  extensions: tenantProcedure.query(({ ctx }) => findRecordingExtensions(ctx.tenant, ctx.user)),
  delete: tenantAdminProcedure.input(ZRecordingId).mutation(({ ctx, input }) => deleteRecording(ctx.tenant, ctx.user, mediaStore(), input.id)),
  settings: tenantProcedure.input(ZExtensionRef).query(({ ctx, input }) => getRecordingSettings(ctx.tenant, ctx.user, input.extensionId)),
  updateSettings: tenantAdminProcedure.input(ZRecordingSettingsInput).mutation(({ ctx, input }) => updateRecordingSettings(ctx.tenant, actorOf(ctx), input)),
  retention: tenantAdminProcedure.query(({ ctx }) => getRetention(ctx.tenant)),
  setRetention: tenantAdminProcedure.input(ZRetentionInput).mutation(({ ctx, input }) => setRetention(ctx.tenant, actorOf(ctx), input)),
});
