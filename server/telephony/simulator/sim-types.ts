/**
 * The simulator's internal state records. REST and event payloads are derived from these by
 * the `*Json` helpers, so a payload can never drift from the state it describes.
 */
import type { CallerId, ChannelState, DialplanCep } from "../ari/types";

export type PhoneMode = "answer" | "busy" | "noAnswer" | "unreachable";

/** How a simulated far end reacts to an INVITE. Durations are simulated milliseconds. */
export interface PhoneBehaviour {
  mode: PhoneMode;
  /** Delay from ringing to answer in "answer" mode. Default 1000 ms. */
  answerAfterMs?: number;
}

/** An outgoing leg that has been dialed but not answered yet. */
export interface DialAttempt {
  dialstring: string;
  behaviour: PhoneBehaviour;
  /** Stasis app and args to enter on answer (originate with `app`); absent for `create` + `dial`. */
  app?: string;
  appArgs: string[];
  /** Dialplan location to run on answer (originate with `extension`). */
  dialplan?: DialplanTarget;
  timeoutSec: number;
  callerChannelId?: string;
  timers: NodeJS.Timeout[];
}

/** Where an outgoing leg goes: a phone's endpoint, or a number through a trunk endpoint. */
export interface DialTarget {
  endpointResource: string;
  number?: string;
  /** As reported in Dial events, e.g. `alice` or `+442071234567@trunk`. */
  dialstring: string;
}

export interface DialplanTarget {
  context: string;
  exten: string;
  priority: number;
  label?: string;
}

export interface SimChannel {
  id: string;
  name: string;
  protocolId: string;
  state: ChannelState;
  caller: CallerId;
  connected: CallerId;
  accountcode: string;
  dialplan: DialplanCep;
  creationtime: string;
  language: string;
  /** The endpoint this channel belongs to, e.g. `PJSIP/alice` or `PJSIP/trunk`. */
  endpointId: string;
  stasis?: { app: string; args: string[] };
  bridgeId?: string;
  vars: Map<string, string>;
  dial?: DialAttempt;
  /** Set by `channels/create`: where `channels/{id}/dial` will send the INVITE. */
  dialTarget?: DialTarget;
  /** Set while the channel runs dialplan after `continue` (or a dialplan originate). */
  dialplanRun?: DialplanTarget & { timer: NodeJS.Timeout };
  /** Every place the channel was continued to, oldest first (for assertions). */
  continuedTo: DialplanTarget[];
  isHeld: boolean;
  isRingIndicated: boolean;
  mohClass?: string;
  /** Frequency a TONE_DETECT() write armed (tone-detect.ts); absent = no detector. */
  toneDetectHz?: number;
  mutes: Set<"in" | "out">;
  lastActivityAt: number;
}

export interface SimBridge {
  id: string;
  name: string;
  bridgeType: "mixing" | "holding";
  channels: string[];
  creationtime: string;
  mohClass?: string;
}

export interface SimPlayback {
  id: string;
  mediaUris: string[];
  index: number;
  targetUri: string;
  language: string;
  state: "queued" | "playing" | "continuing" | "done" | "failed";
  timer?: NodeJS.Timeout;
}

export interface SimRecording {
  name: string;
  format: string;
  targetUri: string;
  state: "queued" | "recording" | "paused" | "done" | "failed" | "canceled";
  startedAt: number;
  terminateOn: string;
  durationSec?: number;
  timer?: NodeJS.Timeout;
}

export interface PhoneRegistration {
  endpoint: string;
  aor: string;
  uri: string;
  userAgent: string;
  isQualified: boolean;
}
