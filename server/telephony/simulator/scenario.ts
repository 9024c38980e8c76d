/**
 * The scenario API: what the outside world does to the PBX (phones register, callers dial in,
 * people press keys and hang up), plus read-only views for assertions. The same methods are
 * served over HTTP by scenario-http.ts for the demo's traffic switch.
 */
import type { Channel } from "../ari/types";
import { CAUSE } from "./causes";
import { createChannel, emitChannelEvent, enterStasis, parseCallerId, requireChannel } from "./channels";
import { configField } from "./config-store";
import type { SimCore } from "./core";
import type { EmittedEvent } from "./events-hub";
import { hangupChannel } from "./lifecycle";
import { registerPhone, setExternalBehaviour, setPhoneBehaviour, unregisterPhone, type RegisterPhoneOptions } from "./phones";
import { onRecordingDtmf } from "./recordings";
import { isToneDetectArmed } from "./tone-detect";
import { snapshotOf, strandedChannelsOf, type SimSnapshot } from "./snapshot";
import type { PhoneBehaviour, PhoneRegistration } from "./sim-types";

/** Gap between keypresses of one `sendDtmf` call (simulated ms), and each tone's length. */
const INTER_DIGIT_MS = 250;
const DIGIT_DURATION_MS = 100;

export interface ScenarioApi {
  registerPhone(opts: RegisterPhoneOptions): PhoneRegistration;
  unregisterPhone(endpoint: string): void;
  setPhoneBehaviour(endpoint: string, behaviour: PhoneBehaviour): void;
  /** Behaviour of external numbers starting with `prefix`, reached as `PJSIP/<number>@<trunk>`. */
  setExternalBehaviour(prefix: string, behaviour: PhoneBehaviour): void;
  /** A call from the PSTN to a DID: enters Stasis from context `from-trunk`, exten = DID. Returns the channel id. */
  placeInboundCall(call: { from: string; to: string; callerName?: string; args?: string[] }): string;
  /** A registered phone dials `to`: enters Stasis from the endpoint's context (default `from-internal`). */
  placeExtensionCall(call: { fromEndpoint: string; to: string; args?: string[] }): string;
  /** The far end presses keys; resolves once the last ChannelDtmfReceived is out. */
  sendDtmf(channelId: string, digits: string): Promise<void>;
  /** The far end hangs up (BYE, or CANCEL/decline while ringing). Default cause 16. */
  hangup(channelId: string, cause?: number): void;
  /**
   * A fax machine's CNG tone (1100 Hz) reaches the channel. As in Asterisk, this is only
   * noticed when tone detection was armed on the channel (`TONE_DETECT(1100)` set through the
   * channel variable API, and not removed with option `x`); then ChannelToneDetected is
   * raised. Returns whether it was detected.
   */
  playFaxTone(channelId: string): boolean;
  snapshot(): SimSnapshot;
  /** Resolves with the next emitted event of that type (or matching the predicate). */
  waitFor(match: string | ((event: EmittedEvent) => boolean), timeoutMs?: number): Promise<EmittedEvent>;
  /** Live channels nobody is attending to for `idleMs` simulated ms (default 5000); see snapshot.ts. */
  strandedChannels(opts?: { idleMs?: number }): Channel[];
  /** Closes every event WebSocket from the server side, as an Asterisk restart or network cut would. */
  dropConnections(): void;
  /** Event counters by type, spec violations (must stay empty) and every delivered event. */
  stats(): { eventCounts: Record<string, number>; violations: string[]; events: readonly EmittedEvent[] };
}

export function createScenarioApi(core: SimCore, dropConnections: () => void): ScenarioApi {
  const trunk = core.options.trunks[0] ?? "trunk";
  const enterOrFail = (id: string, args: string[]) => {
    const ch = requireChannel(core, id);
    // Stasis() fails when the app has no active socket; the dialplan then hangs up.
    if (!enterStasis(core, ch, core.options.app, args)) hangupChannel(core, ch, CAUSE.NORMAL_CLEARING, "dialplan");
    return id;
  };
  return {
    registerPhone: (opts) => registerPhone(core, opts),
    unregisterPhone: (endpoint) => unregisterPhone(core, endpoint),
    setPhoneBehaviour: (endpoint, behaviour) => setPhoneBehaviour(core, endpoint, behaviour),
    setExternalBehaviour: (prefix, behaviour) => setExternalBehaviour(core, prefix, behaviour),
    placeInboundCall: ({ from, to, callerName, args }) => {
      const ch = createChannel(core, {
        endpointResource: trunk,
        state: "Ring",
        caller: { name: callerName ?? "", number: from },
        dialplan: { context: "from-trunk", exten: to },
      });
      return enterOrFail(ch.id, args ?? ["inbound"]);
    },
    placeExtensionCall: ({ fromEndpoint, to, args }) => {
      if (!core.registrations.has(fromEndpoint)) throw new Error(`phone '${fromEndpoint}' is not registered`);
      const key = `res_pjsip/endpoint/${fromEndpoint}`;
      const callerId = parseCallerId(configField(core, key, "callerid"));
      const ch = createChannel(core, {
        endpointResource: fromEndpoint,
        state: "Ring",
        caller: { name: callerId.name, number: callerId.number || fromEndpoint },
        dialplan: { context: configField(core, key, "context") ?? "from-internal", exten: to },
      });
      return enterOrFail(ch.id, args ?? ["internal"]);
    },
    sendDtmf: (channelId, digits) => {
      requireChannel(core, channelId);
      if (!/^[0-9A-D*#]+$/.test(digits)) throw new Error(`invalid DTMF digits '${digits}'`);
      return new Promise((resolve) => {
        [...digits].forEach((digit, i) =>
          core.after(i * INTER_DIGIT_MS, () => {
            const ch = core.channels.get(channelId);
            if (ch) {
              emitChannelEvent(core, ch, "ChannelDtmfReceived", { digit, duration_ms: DIGIT_DURATION_MS });
              onRecordingDtmf(core, channelId, digit);
            }
            if (i === digits.length - 1) resolve();
          }));
      });
    },
    hangup: (channelId, cause = CAUSE.NORMAL_CLEARING) => hangupChannel(core, requireChannel(core, channelId), cause, "far"),
    playFaxTone: (channelId) => {
      const ch = requireChannel(core, channelId);
      const isArmed = isToneDetectArmed(ch, 1100);
      if (isArmed) emitChannelEvent(core, ch, "ChannelToneDetected");
      return isArmed;
    },
    snapshot: () => snapshotOf(core),
    waitFor: (match, timeoutMs = 5000) => core.hub.waitFor(match, timeoutMs),
    strandedChannels: (opts = {}) => strandedChannelsOf(core, opts.idleMs ?? 5000),
    dropConnections,
    stats: () => ({
      eventCounts: Object.fromEntries(core.hub.counts),
      violations: [...core.hub.violations],
      events: core.hub.history,
    }),
  };
}
