/**
 * Every ARI operation the client can send, as data. `request()` refuses anything not listed
 * here (or a param not declared for it), so the spec-conformance test over this list covers
 * everything the client can put on the wire. The simulator serves exactly this table too
 * (`operation-match.ts`), so nothing at run time needs Asterisk's spec files.
 */

export type AriMethod = "GET" | "POST" | "PUT" | "DELETE";
type Use = "required" | "optional";
type Params = Readonly<Record<string, Use>>;
/** Swagger scalar types whose values are checked; every other param is a free string. */
export type AriScalarType = "int" | "long" | "double" | "boolean";

export interface AriOperation {
  readonly method: AriMethod;
  /** Template relative to the ARI base URL, exactly as in the spec. */
  readonly path: string;
  readonly query: Params;
  readonly body: Params;
  /** Enum-valued params: the values the client may send (checked against the spec). */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** Params that are not strings, with the spec's type (the conformance test checks both ways). */
  readonly types?: Readonly<Record<string, AriScalarType>>;
}

export const HANGUP_REASONS = [
  "normal", "busy", "congestion", "no_answer", "timeout", "rejected", "unallocated",
  "normal_unspecified", "number_incomplete", "codec_mismatch", "interworking", "failure",
  "answered_elsewhere",
] as const;
export const RECORDING_IF_EXISTS = ["fail", "overwrite", "append"] as const;
export const RECORDING_TERMINATE_ON = ["none", "any", "*", "#"] as const;
export const MUTE_DIRECTIONS = ["both", "in", "out"] as const;
export const DEVICE_STATES = [
  "NOT_INUSE", "INUSE", "BUSY", "INVALID", "UNAVAILABLE", "RINGING", "RINGINUSE", "ONHOLD",
] as const;
export const ASTERISK_INFO_SECTIONS = ["build", "system", "config", "status"] as const;

const R = "required";
const O = "optional";
const op = <P extends string>(
  method: AriMethod,
  path: P,
  query: Params = {},
  body: Params = {},
  values?: AriOperation["values"],
  types?: AriOperation["types"],
) => ({ method, path, query, body, ...(values ? { values } : {}), ...(types ? { types } : {}) }) satisfies AriOperation;

const INT = "int";
const BOOL = "boolean";
const ORIGINATE_TYPES = { priority: "long", timeout: INT } as const;
const PLAY_TYPES = { offsetms: INT, skipms: INT } as const;
const RECORD_TYPES = { maxDurationSeconds: INT, maxSilenceSeconds: INT, beep: BOOL } as const;

const ORIGINATE_QUERY = {
  endpoint: R, extension: O, context: O, priority: O, label: O, app: O, appArgs: O, callerId: O,
  timeout: O, otherChannelId: O, originator: O, formats: O,
} as const;
const PLAY_QUERY = { media: R, lang: O, offsetms: O, skipms: O } as const;
const RECORD_QUERY = {
  name: R, format: R, maxDurationSeconds: O, maxSilenceSeconds: O, ifExists: O, beep: O, terminateOn: O,
} as const;
const RECORD_VALUES = { ifExists: RECORDING_IF_EXISTS, terminateOn: RECORDING_TERMINATE_ON };
const DYNAMIC = "/asterisk/config/dynamic/{configClass}/{objectType}/{id}";

export const ARI_OPERATIONS = [
  // The event WebSocket: opened by the event stream, listed so its params are checked too.
  op("GET", "/events", { app: R, subscribeAll: O }, {}, undefined, { subscribeAll: BOOL }),

  op("GET", "/applications"),
  op("GET", "/applications/{applicationName}"),
  op("POST", "/applications/{applicationName}/subscription", { eventSource: R }),
  op("DELETE", "/applications/{applicationName}/subscription", { eventSource: R }),

  op("GET", "/asterisk/info", { only: O }, {}, { only: ASTERISK_INFO_SECTIONS }),
  op("GET", "/asterisk/ping"),
  op("GET", DYNAMIC),
  op("PUT", DYNAMIC, {}, { fields: O }),
  op("DELETE", DYNAMIC),

  op("GET", "/endpoints"),
  op("GET", "/endpoints/{tech}"),
  op("GET", "/endpoints/{tech}/{resource}"),

  op("GET", "/channels"),
  op("POST", "/channels", { ...ORIGINATE_QUERY, channelId: O }, { variables: O }, undefined, ORIGINATE_TYPES),
  op("POST", "/channels/{channelId}", ORIGINATE_QUERY, { variables: O }, undefined, ORIGINATE_TYPES),
  op("POST", "/channels/create", {
    endpoint: R, app: R, appArgs: O, channelId: O, otherChannelId: O, originator: O, formats: O,
  }, { variables: O }),
  op("GET", "/channels/{channelId}"),
  op("DELETE", "/channels/{channelId}", { reason: O }, {}, { reason: HANGUP_REASONS }),
  op("POST", "/channels/{channelId}/continue", { context: O, extension: O, priority: O, label: O }, {}, undefined, { priority: INT }),
  op("POST", "/channels/{channelId}/answer"),
  op("POST", "/channels/{channelId}/ring"),
  op("DELETE", "/channels/{channelId}/ring"),
  op("POST", "/channels/{channelId}/hold"),
  op("DELETE", "/channels/{channelId}/hold"),
  op("POST", "/channels/{channelId}/mute", { direction: O }, {}, { direction: MUTE_DIRECTIONS }),
  op("DELETE", "/channels/{channelId}/mute", { direction: O }, {}, { direction: MUTE_DIRECTIONS }),
  op("POST", "/channels/{channelId}/moh", { mohClass: O }),
  op("DELETE", "/channels/{channelId}/moh"),
  op("GET", "/channels/{channelId}/variable", { variable: R }),
  op("POST", "/channels/{channelId}/variable", { variable: R, value: O }),
  op("POST", "/channels/{channelId}/play", { ...PLAY_QUERY, playbackId: O }, {}, undefined, PLAY_TYPES),
  op("POST", "/channels/{channelId}/play/{playbackId}", PLAY_QUERY, {}, undefined, PLAY_TYPES),
  op("POST", "/channels/{channelId}/record", RECORD_QUERY, {}, RECORD_VALUES, RECORD_TYPES),
  op("POST", "/channels/{channelId}/dial", { caller: O, timeout: O }, {}, undefined, { timeout: INT }),

  op("GET", "/bridges"),
  op("POST", "/bridges", { type: O, bridgeId: O, name: O }),
  op("POST", "/bridges/{bridgeId}", { type: O, name: O }),
  op("GET", "/bridges/{bridgeId}"),
  op("DELETE", "/bridges/{bridgeId}"),
  op("POST", "/bridges/{bridgeId}/addChannel", { channel: R, role: O, absorbDTMF: O, mute: O }, {}, undefined, {
    absorbDTMF: BOOL, mute: BOOL,
  }),
  op("POST", "/bridges/{bridgeId}/removeChannel", { channel: R }),
  op("POST", "/bridges/{bridgeId}/moh", { mohClass: O }),
  op("DELETE", "/bridges/{bridgeId}/moh"),
  op("POST", "/bridges/{bridgeId}/play", { ...PLAY_QUERY, playbackId: O }, {}, undefined, PLAY_TYPES),
  op("POST", "/bridges/{bridgeId}/play/{playbackId}", PLAY_QUERY, {}, undefined, PLAY_TYPES),
  op("POST", "/bridges/{bridgeId}/record", RECORD_QUERY, {}, RECORD_VALUES, RECORD_TYPES),

  op("GET", "/playbacks/{playbackId}"),
  op("DELETE", "/playbacks/{playbackId}"),

  op("GET", "/recordings/live/{recordingName}"),
  op("POST", "/recordings/live/{recordingName}/stop"),
  op("DELETE", "/recordings/live/{recordingName}"),
  op("GET", "/recordings/stored"),
  op("GET", "/recordings/stored/{recordingName}"),
  op("GET", "/recordings/stored/{recordingName}/file"),
  op("DELETE", "/recordings/stored/{recordingName}"),

  op("GET", "/deviceStates"),
  op("GET", "/deviceStates/{deviceName}"),
  op("PUT", "/deviceStates/{deviceName}", { deviceState: R }, {}, { deviceState: DEVICE_STATES }),
  op("DELETE", "/deviceStates/{deviceName}"),
] as const satisfies readonly AriOperation[];

/** Path templates the client knows, for compile-time checking of `request()` calls. */
export type AriPathTemplate = (typeof ARI_OPERATIONS)[number]["path"];

/** Looks an operation up by method and template; undefined when the client does not define it. */
export const findAriOperation = (method: AriMethod, path: string): AriOperation | undefined =>
  ARI_OPERATIONS.find((o) => o.method === method && o.path === path);
