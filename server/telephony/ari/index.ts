/** Public surface of the ARI client (spec.ts is test support and is imported directly). */
export { AriClient, type AriClientOptions } from "./client";
export { AriError, type AriErrorKind, type AriRequest, type RequestArgs } from "./request";
export { AriEventStream, type AriEventStreamOptions } from "./event-stream";
export { ARI_OPERATIONS, type AriOperation, type AriMethod, type AriPathTemplate } from "./operations";
export { backoffDelayMs, type BackoffOptions } from "./backoff";
export type * from "./events";
export type * from "./types";
export type { HangupReason, MuteDirection, OriginateOptions, CreateOptions, ContinueOptions } from "./channels-api";
export type { PlayOptions, RecordOptions, CreateBridgeOptions, AddChannelOptions } from "./bridges-api";
export type { ConfigObjectRef, SettableDeviceState } from "./system-api";
