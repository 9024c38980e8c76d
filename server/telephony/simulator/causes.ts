/** Q.850 hangup causes as Asterisk names them (`ast_cause2str`), and ARI hangup reasons. */
import type { HANGUP_REASONS } from "../ari/operations";

export const CAUSE = {
  UNALLOCATED: 1,
  NO_ROUTE_DESTINATION: 3,
  NORMAL_CLEARING: 16,
  USER_BUSY: 17,
  NO_USER_RESPONSE: 18,
  NO_ANSWER: 19,
  SUBSCRIBER_ABSENT: 20,
  CALL_REJECTED: 21,
  ANSWERED_ELSEWHERE: 26,
  INVALID_NUMBER_FORMAT: 28,
  NORMAL_UNSPECIFIED: 31,
  CONGESTION: 34,
  NETWORK_OUT_OF_ORDER: 38,
  BEARERCAPABILITY_NOTAVAIL: 58,
  INTERWORKING: 127,
} as const;

/**
 * What a soft ChannelHangupRequest carries in `cause`: Asterisk's AST_SOFTHANGUP_* flag, not a
 * Q.850 cause. ARI's DELETE /channels sets EXPLICIT (32); the real cause is in ChannelDestroyed.
 */
export const SOFT_HANGUP = { EXPLICIT: 32, SHUTDOWN: 4 } as const;

const CAUSE_TEXT: Readonly<Record<number, string>> = {
  0: "Unknown",
  1: "Unallocated (unassigned) number",
  3: "No route to destination",
  16: "Normal Clearing",
  17: "User busy",
  18: "No user responding",
  19: "User alerting, no answer",
  20: "Subscriber absent",
  21: "Call Rejected",
  26: "Answered elsewhere",
  28: "Invalid number format",
  31: "Normal, unspecified",
  34: "Circuit/channel congestion",
  38: "Network out of order",
  58: "Bearer capability not available",
  127: "Interworking, unspecified",
};

export const causeText = (cause: number): string => CAUSE_TEXT[cause] ?? "Unknown";

/** The cause Asterisk's `DELETE /channels/{id}?reason=` maps each reason to. */
export const REASON_CAUSE: Readonly<Record<(typeof HANGUP_REASONS)[number], number>> = {
  normal: CAUSE.NORMAL_CLEARING,
  busy: CAUSE.USER_BUSY,
  congestion: CAUSE.CONGESTION,
  no_answer: CAUSE.NO_ANSWER,
  timeout: CAUSE.NO_USER_RESPONSE,
  rejected: CAUSE.CALL_REJECTED,
  unallocated: CAUSE.UNALLOCATED,
  normal_unspecified: CAUSE.NORMAL_UNSPECIFIED,
  number_incomplete: CAUSE.INVALID_NUMBER_FORMAT,
  codec_mismatch: CAUSE.BEARERCAPABILITY_NOTAVAIL,
  interworking: CAUSE.INTERWORKING,
  failure: CAUSE.NETWORK_OUT_OF_ORDER,
  answered_elsewhere: CAUSE.ANSWERED_ELSEWHERE,
};

/** Dial status for a far end that hung up before answering, as app_dial/ast_dial report it. */
export const dialStatusForCause = (cause: number): string =>
  cause === CAUSE.USER_BUSY || cause === CAUSE.CALL_REJECTED ? "BUSY"
  : cause === CAUSE.CONGESTION ? "CONGESTION"
  : cause === CAUSE.NO_ANSWER ? "NOANSWER"
  : "CHANUNAVAIL";
