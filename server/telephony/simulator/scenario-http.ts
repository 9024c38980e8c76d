/**
 * The scenario API over HTTP for the demo's traffic switch: `POST /scenario/<method>` with a
 * JSON object body, answered with JSON. Not part of ARI, so it lives outside `/ari`.
 */
import type { ScenarioApi } from "./scenario";
import type { PhoneMode } from "./sim-types";

type Body = Record<string, unknown>;
type Call = (api: ScenarioApi, body: Body) => unknown;

const str = (body: Body, key: string): string => {
  const v = body[key];
  if (typeof v !== "string" || v === "") throw new Error(`'${key}' must be a non-empty string`);
  return v;
};
const optNum = (body: Body, key: string): number | undefined => {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== "number") throw new Error(`'${key}' must be a number`);
  return v;
};
const MODES: readonly PhoneMode[] = ["answer", "busy", "noAnswer", "unreachable"];
const behaviourOf = (body: Body) => {
  const mode = str(body, "mode") as PhoneMode;
  if (!MODES.includes(mode)) throw new Error(`'mode' must be one of ${MODES.join(", ")}`);
  const answerAfterMs = optNum(body, "answerAfterMs");
  return { mode, ...(answerAfterMs !== undefined ? { answerAfterMs } : {}) };
};
const optArgs = (body: Body) => (Array.isArray(body.args) ? { args: body.args.map(String) } : {});

const CALLS: Readonly<Record<string, Call>> = {
  registerPhone: (api, b) => {
    const reg = api.registerPhone({
      endpoint: str(b, "endpoint"),
      ...(typeof b.userAgent === "string" ? { userAgent: b.userAgent } : {}),
      ...(typeof b.address === "string" ? { address: b.address } : {}),
    });
    return reg;
  },
  unregisterPhone: (api, b) => api.unregisterPhone(str(b, "endpoint")),
  setPhoneBehaviour: (api, b) => api.setPhoneBehaviour(str(b, "endpoint"), behaviourOf(b)),
  setExternalBehaviour: (api, b) => api.setExternalBehaviour(str(b, "prefix"), behaviourOf(b)),
  placeInboundCall: (api, b) => ({
    channelId: api.placeInboundCall({
      from: str(b, "from"),
      to: str(b, "to"),
      ...(typeof b.callerName === "string" ? { callerName: b.callerName } : {}),
      ...optArgs(b),
    }),
  }),
  placeExtensionCall: (api, b) => ({
    channelId: api.placeExtensionCall({ fromEndpoint: str(b, "fromEndpoint"), to: str(b, "to"), ...optArgs(b) }),
  }),
  sendDtmf: (api, b) => api.sendDtmf(str(b, "channelId"), str(b, "digits")),
  hangup: (api, b) => api.hangup(str(b, "channelId"), optNum(b, "cause")),
  playFaxTone: (api, b) => ({ detected: api.playFaxTone(str(b, "channelId")) }),
  snapshot: (api) => api.snapshot(),
  strandedChannels: (api, b) => {
    const idleMs = optNum(b, "idleMs");
    return api.strandedChannels(idleMs !== undefined ? { idleMs } : {});
  },
  dropConnections: (api) => api.dropConnections(),
  stats: (api) => {
    const { eventCounts, violations } = api.stats();
    return { eventCounts, violations };
  },
};

/** Runs one scenario call; `status` 404 for an unknown method, 400 when the call throws. */
export async function handleScenarioRequest(api: ScenarioApi, method: string, bodyText: string): Promise<{ status: number; json?: unknown }> {
  const call = CALLS[method];
  if (!call) return { status: 404, json: { message: `unknown scenario method '${method}'` } };
  try {
    const parsed: unknown = bodyText.trim() ? JSON.parse(bodyText) : {};
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("body must be a JSON object");
    const result = await call(api, parsed as Body);
    return result === undefined ? { status: 204 } : { status: 200, json: result };
  } catch (err) {
    return { status: 400, json: { message: err instanceof Error ? err.message : String(err) } };
  }
}
