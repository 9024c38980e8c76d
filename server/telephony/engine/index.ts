/** The routing engine's public surface: pure functions over plain data, no I/O. */
export { compileDialPlan } from "./compile-dial-plan";
export { routeCall } from "./route-call";
export { routeMenuChoice } from "./menu";
export type { MenuChoice } from "./menu";
export { queueAttempt } from "./queue";
export type { QueueAttempt } from "./queue";
export { MENU_DIGITS } from "./media-types";
export type { CallQueueConfig, CompiledCallQueue, CompiledIvrMenu, IvrMenuConfig, IvrMenuPrompts, MenuDigit, RecordingPolicy } from "./media-types";
export { buildCallFlow } from "./call-flow";
export { describeDestination, describeRule } from "./flow-labels";
export { describePlan } from "./describe-plan";
export { companyDefaultCli } from "./default-cli";
export { endsTerminally, HANGUP_CAUSES, partyLabel } from "./call-plan";
export { parseNumber, toNetworkE164 } from "./normalize-number";
export { localDateTimeIn } from "./local-date-time";
export type { LocalDateTimeResult } from "./local-date-time";
export { describePeriod } from "./period";
export { callerCountry, countryName, isKnownCountry } from "./caller-country";
export type {
  CallerId,
  CallPlan,
  CallStep,
  DialOutboundStep,
  DialStep,
  DialTarget,
  HangupCause,
  HangupStep,
  MenuStep,
  QueueStep,
  RouteKind,
  VoicemailStep,
} from "./call-plan";
export type { NumberContext, ParsedNumber } from "./normalize-number";
export type {
  BlockRule,
  CompiledFollowMe,
  CompiledPeriod,
  CompiledRule,
  DidConfig,
  DidTarget,
  Extension,
  ExtensionConfig,
  FaxAccountConfig,
  IncomingCall,
  NumberingPlan,
  OutboundConfig,
  TenantDialPlan,
  TenantDialPlanInput,
} from "./types";
export { flowId } from "./flow-ids";
export type { CallFlowGraph, FlowEdge, FlowEntry, FlowNode, FlowNodeKind, FlowNodeRef } from "./flow-ids";
export { EMPTY_ROUTING_STATE, RULE_MESSAGES } from "./types";
export type {
  CallerFilter,
  CallRuleConfig,
  Destination,
  FollowMeConfig,
  FollowMeStepConfig,
  ForwardingConfig,
  HuntGroupConfig,
  HuntStrategy,
  LocalTimeWindow,
  NumberPattern,
  RoutingState,
  RuleAction,
  RuleMessageId,
  TimePeriod,
} from "./types";
export type { ForwardVia, PlayStep, RuleCheck } from "./call-plan";
export { routeToDestination } from "./route-to-destination";
