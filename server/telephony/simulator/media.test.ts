import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP, provisionPhone, startBench, type Bench } from "./test-helpers";

let bench: Bench;
beforeEach(async () => {
  // Speed 50: a 10 s prompt takes 200 ms of real time.
  bench = await startBench({ speed: 50, soundDurationsMs: { "long-prompt": 10_000, beep: 250 } });
});
afterEach(() => bench.close());

/** ARI stamps "2026-12-02T21:00:00.123+0000"; Date.parse wants the offset as "+00:00". */
const eventTime = (stamp: string) => Date.parse(stamp.replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));

const answeredInbound = async () => {
  const id = bench.sim.scenario.placeInboundCall({ from: "+447900123456", to: "+442071234567" });
  await bench.log.next("StasisStart", (e) => e.channel.id === id);
  await bench.ari.channels.answer(id);
  return id;
};

describe("playback", () => {
  it("finishes after the sound's duration scaled by speed", async () => {
    const id = await answeredInbound();
    const pb = await bench.ari.channels.play(id, "sound:long-prompt", { playbackId: "pb-1" });
    expect(pb).toMatchObject({ id: "pb-1", media_uri: "sound:long-prompt", target_uri: `channel:${id}`, state: "queued" });
    const started = await bench.log.next("PlaybackStarted", (e) => e.playback.id === "pb-1");
    expect((await bench.ari.playbacks.get("pb-1")).state).toBe("playing");
    const finished = await bench.log.next("PlaybackFinished", (e) => e.playback.id === "pb-1");
    // Timed by the simulator's own event stamps: a loaded test process may read an event late,
    // which made a clock started on arrival measure less than the playback really took.
    const elapsed = eventTime(finished.timestamp) - eventTime(started.timestamp);
    expect(finished.playback.state).toBe("done");
    expect(elapsed).toBeGreaterThanOrEqual(170);
    // Generous upper bound: other suites may load the machine; the lower bound is the real check.
    expect(elapsed).toBeLessThan(1500);
    await expect(bench.ari.playbacks.get("pb-1")).rejects.toMatchObject({ status: 404 });
  });

  it("plays a media list in sequence, plays tones until stopped, and fails unknown media", async () => {
    const id = await answeredInbound();
    const list = await bench.ari.channels.play(id, ["sound:beep", "digits:12"]);
    expect(list.next_media_uri).toBe("digits:12");
    expect((await bench.log.next("PlaybackContinuing", (e) => e.playback.id === list.id)).playback.media_uri).toBe("sound:beep");
    await bench.log.next("PlaybackFinished", (e) => e.playback.id === list.id);

    const tone = await bench.ari.channels.play(id, "tone:ring");
    await bench.log.next("PlaybackStarted", (e) => e.playback.id === tone.id);
    expect((await bench.ari.playbacks.get(tone.id)).state).toBe("playing");
    await bench.ari.playbacks.stop(tone.id);
    expect((await bench.log.next("PlaybackFinished", (e) => e.playback.id === tone.id)).playback.state).toBe("done");

    const missing = await bench.ari.channels.play(id, "recording:nope");
    expect((await bench.log.next("PlaybackFinished", (e) => e.playback.id === missing.id)).playback.state).toBe("failed");
  });

  it("plays to bridges and ends a channel's playback when it hangs up", async () => {
    const id = await answeredInbound();
    const bridge = await bench.ari.bridges.create();
    await bench.ari.bridges.addChannel(bridge.id, id);
    const pb = await bench.ari.bridges.play(bridge.id, "sound:beep");
    expect(pb.target_uri).toBe(`bridge:${bridge.id}`);
    await bench.log.next("PlaybackFinished", (e) => e.playback.id === pb.id);
    const tone = await bench.ari.channels.play(id, "tone:busy");
    bench.sim.scenario.hangup(id);
    await bench.log.next("PlaybackFinished", (e) => e.playback.id === tone.id);
    await expect(bench.ari.channels.play("gone", "sound:beep")).rejects.toMatchObject({ status: 404 });
  });
});

describe("recording", () => {
  it("records a channel until stopped, stores it, and plays it back", async () => {
    const id = await answeredInbound();
    const rec = await bench.ari.channels.record(id, { name: "vm-1", format: "wav", maxDurationSeconds: 60 });
    expect(rec).toMatchObject({ name: "vm-1", format: "wav", state: "queued", target_uri: `channel:${id}` });
    await bench.log.next("RecordingStarted", (e) => e.recording.name === "vm-1");
    await new Promise((r) => setTimeout(r, 100));
    await bench.ari.recordings.stopLive("vm-1");
    const done = await bench.log.next("RecordingFinished", (e) => e.recording.name === "vm-1");
    expect(done.recording.state).toBe("done");
    expect(done.recording.duration).toBeGreaterThanOrEqual(4);
    await expect(bench.ari.recordings.getStored("vm-1")).resolves.toEqual({ name: "vm-1", format: "wav" });
    await expect(bench.ari.channels.record(id, { name: "vm-1", format: "wav" })).rejects.toMatchObject({ status: 409 });
    await expect(bench.ari.channels.record(id, { name: "vm-2", format: "mp9" })).rejects.toMatchObject({ status: 422 });
    const pb = await bench.ari.channels.play(id, "recording:vm-1");
    expect((await bench.log.next("PlaybackFinished", (e) => e.playback.id === pb.id)).playback.state).toBe("done");
    await bench.ari.recordings.deleteStored("vm-1");
    await expect(bench.ari.recordings.getStored("vm-1")).rejects.toMatchObject({ status: 404 });
  });

  it("ends on the terminating DTMF digit, at max duration, and cancels without storing", async () => {
    const id = await answeredInbound();
    await bench.ari.channels.record(id, { name: "greeting", format: "wav", terminateOn: "#" });
    await bench.log.next("RecordingStarted");
    await bench.sim.scenario.sendDtmf(id, "1#");
    expect((await bench.log.next("RecordingFinished")).recording.name).toBe("greeting");

    await bench.ari.channels.record(id, { name: "short", format: "wav", maxDurationSeconds: 2 });
    expect((await bench.log.next("RecordingFinished", (e) => e.recording.name === "short")).recording.duration).toBe(2);

    const bridge = await bench.ari.bridges.create();
    await bench.ari.bridges.addChannel(bridge.id, id);
    await expect(bench.ari.channels.record(id, { name: "x", format: "wav" })).rejects.toMatchObject({ status: 409 });
    await bench.ari.bridges.record(bridge.id, { name: "call-1", format: "wav" });
    await bench.log.next("RecordingStarted", (e) => e.recording.name === "call-1");
    expect((await bench.ari.recordings.getLive("call-1")).target_uri).toBe(`bridge:${bridge.id}`);
    await bench.ari.recordings.cancelLive("call-1");
    expect((await bench.log.next("RecordingFinished", (e) => e.recording.name === "call-1")).recording.state).toBe("canceled");
    await expect(bench.ari.recordings.getStored("call-1")).rejects.toMatchObject({ status: 404 });
  });
});

describe("channel controls", () => {
  it("holds, sets and reads variables, and detects fax tones only when armed", async () => {
    await provisionPhone(bench, "alice");
    const id = await answeredInbound();
    await bench.ari.channels.hold(id);
    await bench.log.next("ChannelHold", (e) => e.channel.id === id);
    await bench.ari.channels.unhold(id);
    await bench.log.next("ChannelUnhold", (e) => e.channel.id === id);
    await expect(bench.ari.channels.getVariable(id, "TENANT")).rejects.toMatchObject({ status: 404 });
    await bench.ari.channels.setVariable(id, "TENANT", "t42");
    expect(await bench.ari.channels.getVariable(id, "TENANT")).toBe("t42");
    expect((await bench.log.next("ChannelVarset", (e) => e.channel?.id === id)).value).toBe("t42");

    expect(bench.sim.scenario.playFaxTone(id)).toBe(false);
    await bench.ari.channels.setVariable(id, "TONE_DETECT(1100)", "1");
    const detected = bench.sim.scenario.waitFor("ChannelToneDetected", 1000);
    expect(bench.sim.scenario.playFaxTone(id)).toBe(true);
    expect((await detected).channel).toMatchObject({ id });
    await bench.ari.channels.mute(id, "in");
    expect(bench.sim.scenario.snapshot().channels.find((c) => c.id === id)).toMatchObject({ variables: { TENANT: "t42" } });
    await expect(bench.ari.channels.originate({ endpoint: "PJSIP/alice", app: APP, channelId: id })).rejects.toMatchObject({ status: 409 });
  });
});
