import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP, provisionPhone, sleep, startBench, until, type Bench } from "./test-helpers";

let bench: Bench;
beforeEach(async () => {
  bench = await startBench({ dialplanRunMs: 2000 });
  await provisionPhone(bench, "alice");
});
afterEach(() => bench.close());

const inbound = async () => {
  const id = bench.sim.scenario.placeInboundCall({ from: "+447900123456", to: "+442071234567" });
  await bench.log.next("StasisStart", (e) => e.channel.id === id);
  return id;
};

describe("phones", () => {
  it("reports registration to apps subscribed to the endpoint", async () => {
    await expect(bench.ari.applications.subscribe(APP, "endpoint:PJSIP/bob")).rejects.toMatchObject({ status: 422 });
    await provisionPhone(bench, "bob", { register: false });
    await bench.ari.applications.subscribe(APP, "endpoint:PJSIP/bob");
    bench.sim.scenario.registerPhone({ endpoint: "bob", address: "10.0.0.9:5060" });
    const contact = await bench.log.next("ContactStatusChange");
    expect(contact.contact_info).toEqual({ uri: "sip:bob@10.0.0.9:5060", contact_status: "Reachable", aor: "bob", roundtrip_usec: "1500" });
    expect((await bench.log.next("EndpointStateChange")).endpoint).toMatchObject({ resource: "bob", state: "online" });
    bench.sim.scenario.unregisterPhone("bob");
    expect((await bench.log.next("ContactStatusChange")).contact_info.contact_status).toBe("Removed");
    expect((await bench.log.next("EndpointStateChange")).endpoint.state).toBe("offline");
    expect(() => bench.sim.scenario.registerPhone({ endpoint: "nobody" })).toThrow(/no PJSIP endpoint/);
  });
});

describe("calls", () => {
  it("inbound call -> answer -> originate to a phone -> bridge -> hang up, leaving nothing stranded", async () => {
    const id = bench.sim.scenario.placeInboundCall({ from: "+447900123456", to: "+442071234567" });
    const start = await bench.log.next("StasisStart", (e) => e.channel.id === id);
    expect(start.args).toEqual(["inbound"]);
    expect(start.channel).toMatchObject({ state: "Ring", caller: { number: "+447900123456" } });
    expect(start.channel.dialplan).toMatchObject({ context: "from-trunk", exten: "+442071234567", app_name: "Stasis" });
    await bench.ari.channels.answer(id);
    await bench.log.next("ChannelStateChange", (e) => e.channel.id === id && e.channel.state === "Up");

    const leg = await bench.ari.channels.originate({ endpoint: "PJSIP/alice", app: APP, appArgs: "dialed,7", callerId: '"Shop" <+442071234567>' });
    expect(leg).toMatchObject({ state: "Down", caller: { name: "Shop", number: "+442071234567" } });
    await bench.log.next("Dial", (e) => e.peer.id === leg.id && e.dialstatus === "RINGING");
    await bench.log.next("ChannelStateChange", (e) => e.channel.id === leg.id && e.channel.state === "Ringing");
    await bench.log.next("Dial", (e) => e.peer.id === leg.id && e.dialstatus === "ANSWER");
    expect((await bench.log.next("StasisStart", (e) => e.channel.id === leg.id)).args).toEqual(["dialed", "7"]);

    const bridge = await bench.ari.bridges.create({ type: "mixing" });
    await bench.ari.bridges.addChannel(bridge.id, [id, leg.id]);
    await bench.log.next("ChannelEnteredBridge", (e) => e.channel?.id === leg.id);
    expect((await bench.ari.bridges.get(bridge.id)).channels).toEqual([id, leg.id]);

    bench.sim.scenario.hangup(id);
    const order = ["ChannelHangupRequest", "ChannelLeftBridge", "StasisEnd", "ChannelDestroyed"] as const;
    for (const type of order) await bench.log.next(type, (e) => e.channel?.id === id);
    await bench.ari.channels.hangup(leg.id);
    const destroyed = await bench.log.next("ChannelDestroyed", (e) => e.channel.id === leg.id);
    expect(destroyed).toMatchObject({ cause: 16, cause_txt: "Normal Clearing" });
    await bench.ari.bridges.destroy(bridge.id);
    expect(bench.sim.scenario.strandedChannels({ idleMs: 0 })).toEqual([]);
    expect(bench.sim.scenario.snapshot()).toMatchObject({ channels: [], bridges: [] });
  });

  it.each([
    ["busy", "BUSY", 17],
    ["noAnswer", "NOANSWER", 19],
    ["unreachable", "CHANUNAVAIL", 18],
  ] as const)("reports a %s phone as %s with cause %i", async (mode, dialstatus, cause) => {
    bench.sim.scenario.setPhoneBehaviour("alice", { mode });
    const leg = await bench.ari.channels.originate({ endpoint: "PJSIP/alice", app: APP, timeout: 5 });
    await bench.log.next("Dial", (e) => e.peer.id === leg.id && e.dialstatus === dialstatus);
    expect(await bench.log.next("ChannelDestroyed", (e) => e.channel.id === leg.id)).toMatchObject({ cause });
    expect(bench.log.forChannel(leg.id).some((e) => e.type === "StasisStart")).toBe(false);
  });

  it("refuses to originate to an unregistered or unknown endpoint as Asterisk does (500)", async () => {
    bench.sim.scenario.unregisterPhone("alice");
    await expect(bench.ari.channels.originate({ endpoint: "PJSIP/alice", app: APP })).rejects.toMatchObject({ status: 500 });
    await expect(bench.ari.channels.originate({ endpoint: "PJSIP/ghost", app: APP })).rejects.toMatchObject({ status: 500 });
    await expect(bench.ari.channels.originate({ endpoint: "SIP/alice", app: APP })).rejects.toMatchObject({ status: 400 });
  });

  it("cancels a ringing leg hung up by the app, and answers external numbers per prefix", async () => {
    bench.sim.scenario.setPhoneBehaviour("alice", { mode: "noAnswer" });
    const leg = await bench.ari.channels.originate({ endpoint: "PJSIP/alice", app: APP });
    await bench.log.next("Dial", (e) => e.peer.id === leg.id && e.dialstatus === "RINGING");
    await bench.ari.channels.hangup(leg.id, "no_answer");
    await bench.log.next("Dial", (e) => e.peer.id === leg.id && e.dialstatus === "CANCEL");
    expect((await bench.log.next("ChannelDestroyed", (e) => e.channel.id === leg.id)).cause).toBe(19);

    bench.sim.scenario.setExternalBehaviour("+4420", { mode: "busy" });
    const busy = await bench.ari.channels.originate({ endpoint: "PJSIP/+442071234567@trunk", app: APP });
    expect(busy.name).toMatch(/^PJSIP\/trunk-[0-9a-f]{8}$/);
    await bench.log.next("Dial", (e) => e.peer.id === busy.id && e.dialstatus === "BUSY" && e.dialstring === "+442071234567@trunk");
    const mobile = await bench.ari.channels.originate({ endpoint: "PJSIP/+447900123456@trunk", app: APP });
    await bench.log.next("StasisStart", (e) => e.channel.id === mobile.id);
  });

  it("creates a channel in Stasis and dials it later (create + dial)", async () => {
    const ch = await bench.ari.channels.create({ endpoint: "PJSIP/alice", app: APP, appArgs: "callback" });
    expect((await bench.log.next("StasisStart", (e) => e.channel.id === ch.id)).args).toEqual(["callback"]);
    await bench.ari.channels.dial(ch.id, { timeout: 10 });
    await bench.log.next("ChannelStateChange", (e) => e.channel.id === ch.id && e.channel.state === "Up");
    await expect(bench.ari.channels.dial(ch.id)).rejects.toMatchObject({ status: 409 });
    expect(bench.log.forChannel(ch.id).filter((e) => e.type === "StasisStart")).toHaveLength(1);
  });

  it("delivers DTMF in order and places extension calls from the endpoint's context", async () => {
    const id = await inbound();
    await bench.sim.scenario.sendDtmf(id, "12#");
    for (const digit of ["1", "2", "#"]) {
      expect((await bench.log.next("ChannelDtmfReceived", (e) => e.channel.id === id)).digit).toBe(digit);
    }
    const call = bench.sim.scenario.placeExtensionCall({ fromEndpoint: "alice", to: "201" });
    const start = await bench.log.next("StasisStart", (e) => e.channel.id === call);
    expect(start.channel).toMatchObject({ caller: { name: "alice", number: "alice" }, dialplan: { context: "from-internal", exten: "201" } });
    expect(start.args).toEqual(["internal"]);
  });

  it("continues a channel in dialplan: StasisEnd, recorded destination, then the dialplan hangs up", async () => {
    const id = await inbound();
    await bench.ari.channels.continueInDialplan(id, { context: "voicemail", extension: "1001", priority: 1 });
    await bench.log.next("StasisEnd", (e) => e.channel.id === id);
    expect(bench.sim.scenario.snapshot().channels[0]).toMatchObject({ id, continuedTo: [{ context: "voicemail", exten: "1001", priority: 1 }] });
    await expect(bench.ari.channels.answer(id)).rejects.toMatchObject({ status: 409 });
    await until(() => bench.sim.scenario.snapshot().destroyed.some((d) => d.id === id));
    expect(bench.sim.scenario.snapshot().destroyed.find((d) => d.id === id)).toMatchObject({ cause: 16, continuedTo: [{ context: "voicemail" }] });
  });

  it("counts a caller left alone in Stasis as stranded until the app attends to it", async () => {
    const id = await inbound();
    await sleep(20);
    expect(bench.sim.scenario.strandedChannels({ idleMs: 1000 }).map((c) => c.id)).toEqual([id]);
    await bench.ari.channels.ring(id);
    expect(bench.sim.scenario.strandedChannels({ idleMs: 0 })).toEqual([]);
  });

  it("hangs up inbound calls while no app is connected (Stasis() fails)", async () => {
    await bench.ari.close();
    await until(() => bench.sim.scenario.snapshot().apps.every((a) => !a.isConnected));
    const id = bench.sim.scenario.placeInboundCall({ from: "+447900123456", to: "+442071234567" });
    expect(bench.sim.scenario.snapshot().destroyed.map((d) => d.id)).toContain(id);
  });
});
