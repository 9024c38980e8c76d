/** Cross-tenant cases of the media procedures (issue 12); spread into cross-tenant.integration.test.ts. */
import { expect } from "vitest";
import { db } from "@/server/db";
import { expectTrpcError } from "../../fixtures/procedures";
import { seedLineExtension, seedPrompt, seedRecording } from "../../fixtures/seed-media";
import type { Case } from "./case-types";

const settingsOff = { recordIncomingExternal: true, recordIncomingInternal: false, recordOutgoingExternal: false, recordOutgoingInternal: false, recordAnnouncement: false, recordAnnouncementPromptId: "" };
let extensionNumber = 700;
const nextNumber = () => String(extensionNumber++);

export const MEDIA_CASES: Record<string, Case> = {
  "voicePrompt.find": async (acme, { globex }) => {
    const prompt = await seedPrompt(globex.tenant.id, "Globex welcome");
    expect((await acme.voicePrompt.find()).map((p) => p.id)).not.toContain(prompt.id);
  },
  "voicePrompt.get": async (acme, { globex }) => {
    const prompt = await seedPrompt(globex.tenant.id, "Globex get");
    await expectTrpcError(acme.voicePrompt.get({ id: prompt.id }), "NOT_FOUND");
  },
  "voicePrompt.speak": async (acme, { acme: own, globex }) => {
    // Names are per company: Globex's name does not block Acme, and Acme's prompt is Acme's.
    const theirs = await seedPrompt(globex.tenant.id, "Shared name");
    const mine = await acme.voicePrompt.speak({ name: "Shared name", text: "Hello", voice: "en-gb" });
    expect((await db.voicePrompt.findUniqueOrThrow({ where: { id: mine.id } })).tenantId).toBe(own.tenant.id);
    expect(await db.voicePrompt.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ tenantId: globex.tenant.id, name: "Shared name" });
  },
  "voicePrompt.rename": async (acme, { globex }) => {
    const prompt = await seedPrompt(globex.tenant.id, "Globex rename");
    await expectTrpcError(acme.voicePrompt.rename({ id: prompt.id, name: "Taken over" }), "NOT_FOUND");
    expect((await db.voicePrompt.findUniqueOrThrow({ where: { id: prompt.id } })).name).toBe("Globex rename");
  },
  "voicePrompt.delete": async (acme, { globex }) => {
    const prompt = await seedPrompt(globex.tenant.id, "Globex delete");
    await expectTrpcError(acme.voicePrompt.delete({ id: prompt.id }), "NOT_FOUND");
    expect(await db.voicePrompt.count({ where: { id: prompt.id } })).toBe(1);
  },
  "recording.find": async (acme, { globex }) => {
    const recording = await seedRecording(globex.tenant.id);
    expect((await acme.recording.find({})).items.map((r) => r.id)).not.toContain(recording.id);
    const extension = await seedLineExtension(globex.tenant.id, nextNumber());
    await seedRecording(globex.tenant.id, { extensionId: extension.id });
    expect((await acme.recording.find({ filter: { extensionId: extension.id } })).items).toEqual([]);
  },
  "recording.extensions": async (acme, { globex }) => {
    const extension = await seedLineExtension(globex.tenant.id, nextNumber());
    expect((await acme.recording.extensions()).map((e) => e.id)).not.toContain(extension.id);
  },
  "recording.delete": async (acme, { globex }) => {
    const recording = await seedRecording(globex.tenant.id, { withCdr: true });
    await expectTrpcError(acme.recording.delete({ id: recording.id }), "NOT_FOUND");
    expect(await db.recording.count({ where: { id: recording.id } })).toBe(1);
    expect(await db.callRecord.count({ where: { recordingRef: recording.id } })).toBe(1);
  },
  "recording.settings": async (acme, { globex }) => {
    const extension = await seedLineExtension(globex.tenant.id, nextNumber());
    await expectTrpcError(acme.recording.settings({ extensionId: extension.id }), "NOT_FOUND");
  },
  "recording.updateSettings": async (acme, { acme: own, globex }) => {
    const theirs = await seedLineExtension(globex.tenant.id, nextNumber());
    await expectTrpcError(acme.recording.updateSettings({ extensionId: theirs.id, ...settingsOff }), "NOT_FOUND");
    expect((await db.sipAccount.findUniqueOrThrow({ where: { id: theirs.sipAccountId! } })).recordIncomingExternal).toBe(false);
    // Nor may Acme's own line announce with Globex's prompt.
    const mine = await seedLineExtension(own.tenant.id, nextNumber());
    const prompt = await seedPrompt(globex.tenant.id, "Globex announcement");
    await expectTrpcError(acme.recording.updateSettings({ extensionId: mine.id, ...settingsOff, recordAnnouncement: true, recordAnnouncementPromptId: prompt.id }), "NOT_FOUND");
    expect((await db.sipAccount.findUniqueOrThrow({ where: { id: mine.sipAccountId! } })).recordAnnouncementPromptId).toBeNull();
  },
  "recording.retention": async (acme, { acme: own, globex }) => {
    await db.tenant.update({ where: { id: globex.tenant.id }, data: { recordingRetentionDays: 7 } });
    const expected = (await db.tenant.findUniqueOrThrow({ where: { id: own.tenant.id } })).recordingRetentionDays;
    expect(await acme.recording.retention()).toEqual({ days: expected });
    expect(expected).not.toBe(7);
  },
  "recording.setRetention": async (acme, { globex }) => {
    await db.tenant.update({ where: { id: globex.tenant.id }, data: { recordingRetentionDays: 14 } });
    await acme.recording.setRetention({ days: 30 });
    expect((await db.tenant.findUniqueOrThrow({ where: { id: globex.tenant.id } })).recordingRetentionDays).toBe(14);
  },
};
