/** The routing engine's public surface: pure functions over plain data, no I/O. */
export { compileDialPlan } from "./compile-dial-plan";
export { routeCall } from "./route-call";
export { describePlan } from "./describe-plan";
export { companyDefaultCli } from "./default-cli";
export { endsTerminally, HANGUP_CAUSES, partyLabel } from "./call-plan";
export { parseNumber, toNetworkE164 } from "./normalize-number";
export type {
  CallerId,
  CallPlan,
  CallStep,
  DialOutboundStep,
  DialStep,
  DialTarget,
  HangupCause,
  HangupStep,
  RouteKind,
  VoicemailStep,
} from "./call-plan";
export type { NumberContext, ParsedNumber } from "./normalize-number";
export type {
  BlockRule,
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
