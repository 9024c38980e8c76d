import { createTRPCRouter, tenantAdminProcedure } from "../../api/trpc";
import { mediaStore } from "../../media/storage/web-media-store";
import { createPrompt } from "./create-prompt";
import { ZPromptId, ZRenamePromptInput, ZSpeakPromptInput } from "./schema";
import { deletePrompt, findPrompts, getPrompt, renamePrompt } from "./service";

const actorOf = (ctx: { user: { id: string; email: string } }) => ({ id: ctx.user.id, email: ctx.user.email });

/** Voice prompts are company configuration: administrators only. Uploads go through POST /api/media/prompts. */
export const voicePromptRouter = createTRPCRouter({
  find: tenantAdminProcedure.query(({ ctx }) => findPrompts(ctx.tenant)),
  get: tenantAdminProcedure.input(ZPromptId).query(async ({ ctx, input }) => {
    const { fileKey: _key, ...prompt } = await getPrompt(ctx.tenant, input.id);
    return prompt;
  }),
  speak: tenantAdminProcedure
    .input(ZSpeakPromptInput)
    .mutation(({ ctx, input }) => createPrompt(ctx.tenant, mediaStore(), actorOf(ctx), input.name, { source: "TTS", text: input.text, voice: input.voice })),
  rename: tenantAdminProcedure.input(ZRenamePromptInput).mutation(({ ctx, input }) => renamePrompt(ctx.tenant, actorOf(ctx), input)),
  delete: tenantAdminProcedure.input(ZPromptId).mutation(({ ctx, input }) => deletePrompt(ctx.tenant, actorOf(ctx), mediaStore(), input.id)),
});
