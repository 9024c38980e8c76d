/**
 * Adding a voice prompt, from an upload or from typed text. Every check that can refuse runs
 * before anything is stored (name, limits, then the conversion's own checks); the file is
 * written under the new row's id and the row inserted after it, and a failed insert removes
 * the file again, so a refusal at any step leaves neither a row nor a file.
 *
 * Limits, per company: at most PROMPTS_PER_HOUR prompts added in an hour (counted from the
 * rows, so it holds across web instances), at most MAX_PROMPTS kept, and at most
 * CONVERSIONS_AT_ONCE conversions running at once in one web process (sox is CPU-bound; a
 * burst of large uploads must not starve everyone else's requests).
 */
import { randomBytes } from "node:crypto";
import { AppError, toAppError } from "../../errors";
import type { ConvertedPrompt } from "../../media/audio/convert-prompt";
import { convertPrompt } from "../../media/audio/convert-prompt";
import { speakPrompt } from "../../media/audio/speak-prompt";
import type { WebMediaStore } from "../../media/storage/web-media-store";
import { tenantFileKey } from "../../media/storage/tenant-file-key";
import type { TenantScope } from "../../tenancy";
import { recordAudit, type Actor } from "../audit/service";
import { ZPromptName, type TSpeakPromptInput } from "./schema";
import { assertPromptNameFree, nameTaken, promptSelect } from "./service";

export const PROMPTS_PER_HOUR = 30;
export const MAX_PROMPTS = 500;
export const CONVERSIONS_AT_ONCE = 2;

const running = new Map<string, number>();

type Source =
  | { source: "UPLOAD"; originalName: string; bytes: Uint8Array }
  | { source: "TTS"; text: string; voice: TSpeakPromptInput["voice"] };

/** The name is checked, with the limits, before the body is even read by the upload route. */
export async function assertCanAddPrompt(scope: TenantScope, unverifiedName: string): Promise<string> {
  const parsed = ZPromptName.safeParse(unverifiedName);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Not a valid name";
    throw new AppError("INVALID", message, { fieldErrors: { name: message } });
  }
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  const [recent, total] = await Promise.all([
    scope.db.voicePrompt.count({ where: { createdAt: { gte: hourAgo } } }),
    scope.db.voicePrompt.count(),
  ]);
  if (recent >= PROMPTS_PER_HOUR) throw new AppError("LIMIT_EXCEEDED", `Your company added ${PROMPTS_PER_HOUR} prompts in the last hour, the most allowed. Try again later.`);
  if (total >= MAX_PROMPTS) throw new AppError("INVALID", `Your company has ${MAX_PROMPTS} prompts, the most it can keep. Delete some first.`);
  await assertPromptNameFree(scope, parsed.data);
  return parsed.data;
}

/** Converts and stores a new prompt; see the file's header for what it guarantees. */
export async function createPrompt(scope: TenantScope, store: WebMediaStore, actor: Actor, unverifiedName: string, input: Source) {
  const name = await assertCanAddPrompt(scope, unverifiedName);
  const converted = await withConversionSlot(scope.tenantId, () =>
    input.source === "UPLOAD" ? convertPrompt(input.bytes) : speakPrompt(input.text, input.voice),
  );
  return storePrompt(scope, store, actor, name, input, converted);
}

async function storePrompt(scope: TenantScope, store: WebMediaStore, actor: Actor, name: string, input: Source, converted: ConvertedPrompt) {
  // Ours, not the database's, so the file can be written under it before the row exists.
  const id = `vp${randomBytes(12).toString("hex")}`;
  const fileKey = tenantFileKey({ tenantId: scope.tenantId, kind: "prompts", fileId: id, ext: "wav" });
  await store.put(fileKey, converted.wav);
  try {
    return await scope.db.$transaction(async (tx) => {
      const prompt = await tx.voicePrompt.create({
      data: {
        id, tenantId: scope.tenantId, name, fileKey, createdById: actor.id,
        source: input.source,
        originalName: input.source === "UPLOAD" ? input.originalName.slice(0, 255) : null,
        originalType: input.source === "UPLOAD" ? converted.sourceType : "tts",
        ttsText: input.source === "TTS" ? input.text : null,
        durationMs: converted.durationMs,
        sizeBytes: converted.wav.length,
      },
      select: promptSelect,
      });
      const details = { name, source: input.source, durationMs: converted.durationMs, ...(input.source === "UPLOAD" ? { file: input.originalName.slice(0, 255) } : {}) };
      await recordAudit(tx, actor, { action: "voicePrompt.create", entityType: "VoicePrompt", entityId: id, tenantId: scope.tenantId, details });
      return prompt;
    });
  } catch (err) {
    await store.delete(fileKey).catch((cleanup: unknown) => console.error(`[prompts] could not remove ${fileKey} after a failed insert`, cleanup));
    // Two uploads of one name at once: the second loses at the unique index.
    if (toAppError(err)?.code === "CONFLICT") throw nameTaken(name);
    throw err;
  }
}

async function withConversionSlot<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
  const now = running.get(tenantId) ?? 0;
  if (now >= CONVERSIONS_AT_ONCE) throw new AppError("LIMIT_EXCEEDED", "Other prompts of your company are being converted right now. Try again in a moment.");
  running.set(tenantId, now + 1);
  try {
    return await work();
  } finally {
    const left = (running.get(tenantId) ?? 1) - 1;
    if (left === 0) running.delete(tenantId);
    else running.set(tenantId, left);
  }
}
