import { afterAll, beforeAll, expect, it } from "vitest";
import { hasAriSpec, validateModel } from "../ari/spec";
import { APP, provisionPhone, sleep, startBench, type Bench } from "./test-helpers";

/** The event types the worker relies on; a full call scenario must produce each at least once. */
const REQUIRED_EVENTS = [
  "StasisStart", "StasisEnd", "ChannelCreated", "ChannelStateChange", "ChannelDtmfReceived",
  "ChannelHangupRequest", "ChannelDestroyed", "ChannelVarset", "ChannelEnteredBridge", "ChannelLeftBridge",
  "BridgeCreated", "BridgeDestroyed", "EndpointStateChange", "ContactStatusChange", "PlaybackStarted",
  "PlaybackFinished", "RecordingStarted", "RecordingFinished", "Dial",
] as const;

/** Without the spec the scenario still runs; only the model checks are skipped (with a note). */
const HAS_SPEC = hasAriSpec("simulator events against the spec's models");
let bench: Bench;
beforeAll(async () => {
  // subscribeAll: the app hears every event, including ChannelCreated and BridgeCreated.
  bench = await startBench({ dialplanRunMs: 1000 }, { subscribeAll: true });
});
afterAll(() => bench.close());

it("emits every event type the worker uses, each conforming to the spec", async () => {
  const { ari, log, sim } = bench;
  await provisionPhone(bench, "alice");
  sim.scenario.setExternalBehaviour("+4479", { mode: "busy" });

  const caller = sim.scenario.placeInboundCall({ from: "+447900123456", to: "+442071234567" });
  await log.next("StasisStart", (e) => e.channel.id === caller);
  await ari.channels.answer(caller);
  await ari.channels.setVariable(caller, "TENANT", "t42");
  const prompt = await ari.channels.play(caller, "sound:welcome");
  await log.next("PlaybackFinished", (e) => e.playback.id === prompt.id);
  await sim.scenario.sendDtmf(caller, "1");

  const leg = await ari.channels.originate({ endpoint: "PJSIP/alice", app: APP, timeout: 20 });
  await log.next("StasisStart", (e) => e.channel.id === leg.id);
  const bridge = await ari.bridges.create({ type: "mixing", name: "call-1" });
  await ari.bridges.addChannel(bridge.id, [caller, leg.id]);
  await ari.bridges.record(bridge.id, { name: "call-1", format: "wav" });
  await log.next("RecordingStarted");
  sim.scenario.hangup(leg.id);
  // The bridge still holds the caller, so the recording runs on until stopped.
  await ari.recordings.stopLive("call-1");
  await log.next("RecordingFinished");
  await ari.bridges.destroy(bridge.id);
  await log.next("BridgeDestroyed");

  const busy = await ari.channels.originate({ endpoint: "PJSIP/+447911000000@trunk", app: APP });
  await log.next("ChannelDestroyed", (e) => e.channel.id === busy.id);
  await ari.channels.continueInDialplan(caller, { context: "voicemail", extension: "alice" });
  await log.next("ChannelDestroyed", (e) => e.channel.id === caller, 3000);
  sim.scenario.unregisterPhone("alice");
  await log.next("EndpointStateChange", (e) => e.endpoint.state === "offline");
  await sleep(20);

  const { eventCounts, violations } = sim.scenario.stats();
  for (const type of REQUIRED_EVENTS) expect(eventCounts[type] ?? 0, type).toBeGreaterThan(0);
  expect(log.events.length).toBeGreaterThan(30);
  if (HAS_SPEC) {
    expect(violations).toEqual([]);
    // What actually crossed the wire conforms too (the client saw the same events).
    for (const event of log.events) expect(validateModel(event.type, event), event.type).toEqual([]);
  }
  expect(sim.scenario.strandedChannels({ idleMs: 0 })).toEqual([]);
});
