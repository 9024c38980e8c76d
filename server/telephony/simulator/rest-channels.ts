/** REST handlers for channel creation and teardown: originate, create + dial, hangup, continue. */
import { CAUSE, REASON_CAUSE } from "./causes";
import { createChannel, enterStasis, isAppActive, parseCallerId, requireChannel, requireStasisChannel } from "./channels";
import type { SimCore } from "./core";
import { assertDialable, parseDialString, startDial } from "./dialing";
import { AriHttpError } from "./http-error";
import { continueInDialplan, hangupChannel } from "./lifecycle";
import { CHANNEL_CONTROL_HANDLERS } from "./rest-channel-controls";
import { intParam, listParam, ok, type RestHandler, type RestRequest } from "./rest-types";
import type { DialTarget } from "./sim-types";
import { channelJson } from "./views";

function dialTargetOf(core: SimCore, endpoint: string | undefined, id: string | undefined): DialTarget {
  const target = parseDialString(endpoint ?? "");
  if (!target) throw new AriHttpError(400, "Endpoint must be PJSIP/<endpoint> or PJSIP/<number>@<trunk>");
  if (id !== undefined && core.channels.has(id)) throw new AriHttpError(409, "Channel with given unique ID already exists");
  assertDialable(core, target);
  return target;
}

function variablesOf(body: RestRequest["body"]): [string, string][] {
  const vars = body?.variables;
  if (vars === undefined) return [];
  if (typeof vars !== "object" || vars === null || Array.isArray(vars)) throw new AriHttpError(400, "variables must be an object");
  return Object.entries(vars).map(([k, v]) => [k, String(v)]);
}

/** `POST /channels[/{channelId}]`: create a channel, dial it, and on answer enter Stasis or dialplan. */
function originate({ core, query, body }: RestRequest, id: string | undefined) {
  if (!query.app && !query.extension) throw new AriHttpError(400, "Application or extension must be specified");
  const target = dialTargetOf(core, query.endpoint, id);
  const variables = variablesOf(body);
  const ch = createChannel(core, {
    ...(id !== undefined ? { id } : {}),
    endpointResource: target.endpointResource,
    state: "Down",
    caller: parseCallerId(query.callerId),
  });
  for (const [k, v] of variables) ch.vars.set(k, v);
  // The originating app is subscribed after the channel exists, so it misses ChannelCreated.
  if (query.app) core.hub.apps.get(query.app)?.channelIds.add(ch.id);
  startDial(core, ch, target, {
    ...(query.app ? { app: query.app } : {}),
    appArgs: listParam(query.appArgs),
    ...(query.extension && !query.app
      ? { dialplan: { context: query.context ?? "default", exten: query.extension, priority: intParam(query.priority) ?? 1 } }
      : {}),
    timeoutSec: intParam(query.timeout) ?? 30,
  });
  return ok(channelJson(ch));
}

export const CHANNEL_HANDLERS: Readonly<Record<string, RestHandler>> = {
  ...CHANNEL_CONTROL_HANDLERS,
  "GET /channels": ({ core }) => ok([...core.channels.values()].map(channelJson)),
  "POST /channels": (req) => originate(req, req.query.channelId),
  "POST /channels/{channelId}": (req) => originate(req, req.params.channelId),
  "GET /channels/{channelId}": ({ core, params }) => ok(channelJson(requireChannel(core, params.channelId ?? ""))),
  "POST /channels/create": ({ core, query, body }) => {
    const app = query.app ?? "";
    if (!isAppActive(core, app)) throw new AriHttpError(400, `Stasis application '${app}' is not registered`);
    const target = dialTargetOf(core, query.endpoint, query.channelId);
    const variables = variablesOf(body);
    const ch = createChannel(core, {
      ...(query.channelId !== undefined ? { id: query.channelId } : {}),
      endpointResource: target.endpointResource,
      state: "Down",
    });
    for (const [k, v] of variables) ch.vars.set(k, v);
    ch.dialTarget = target;
    enterStasis(core, ch, app, listParam(query.appArgs));
    return ok(channelJson(ch));
  },
  "POST /channels/{channelId}/dial": ({ core, params, query }) => {
    const ch = requireChannel(core, params.channelId ?? "");
    const caller = query.caller !== undefined ? core.channels.get(query.caller) : undefined;
    if (query.caller !== undefined && !caller) throw new AriHttpError(404, "Caller channel not found");
    if (!ch.dialTarget || ch.dial || ch.state !== "Down") throw new AriHttpError(409, "Channel cannot be dialed");
    startDial(core, ch, ch.dialTarget, {
      appArgs: [],
      timeoutSec: intParam(query.timeout) ?? 0,
      ...(caller ? { callerChannelId: caller.id } : {}),
    });
  },
  "DELETE /channels/{channelId}": ({ core, params, query }) => {
    if (query.reason !== undefined && query.reason_code !== undefined) {
      throw new AriHttpError(400, "The reason and reason_code parameters are mutually exclusive");
    }
    const code = query.reason_code !== undefined ? Number(query.reason_code) : undefined;
    if (code !== undefined && !Number.isInteger(code)) throw new AriHttpError(400, "Invalid reason_code for hangup provided");
    const cause = code ?? REASON_CAUSE[query.reason as keyof typeof REASON_CAUSE] ?? CAUSE.NORMAL_CLEARING;
    hangupChannel(core, requireChannel(core, params.channelId ?? ""), cause, "api");
  },
  "POST /channels/{channelId}/continue": ({ core, params, query }) => {
    const ch = requireStasisChannel(core, params.channelId ?? "");
    continueInDialplan(core, ch, {
      ...(query.context !== undefined ? { context: query.context } : {}),
      ...(query.extension !== undefined ? { extension: query.extension } : {}),
      ...(query.priority !== undefined ? { priority: Number(query.priority) } : {}),
      ...(query.label !== undefined ? { label: query.label } : {}),
    });
  },
};
