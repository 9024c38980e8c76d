/** REST handlers for applications, asterisk (info, ping, dynamic config), endpoints and device states. */
import { ASTERISK_INFO_SECTIONS } from "../ari/operations";
import type { Application, AsteriskInfo } from "../ari/types";
import { deleteConfigObject, getConfigObject, putConfigObject } from "./config-store";
import type { SimCore } from "./core";
import { deviceStateOf, requireStasisDevice, setStasisDeviceState } from "./device-states";
import { ariTimestamp, type SimApp } from "./events-hub";
import { AriHttpError } from "./http-error";
import { listParam, ok, type RestHandler, type RestRequest } from "./rest-types";
import { endpointExists, endpointJson, endpointResources } from "./views";

const appJson = (app: SimApp): Application => ({
  name: app.name,
  channel_ids: [...app.channelIds],
  bridge_ids: [...app.bridgeIds],
  endpoint_ids: [...app.endpointIds],
  device_names: [...app.deviceNames],
  events_allowed: [],
  events_disallowed: [],
});

const appOf = ({ core, params }: RestRequest): SimApp => {
  const app = core.hub.apps.get(params.applicationName ?? "");
  if (!app) throw new AriHttpError(404, "Application does not exist.");
  return app;
};

/** Resolves an event source URI to the app's set it belongs in; 400 bad scheme, 422 unknown source. */
function sourceSet(core: SimCore, app: SimApp, source: string): [Set<string>, string] {
  const [scheme, id = ""] = source.split(/:(.*)/s);
  const [tech, resource] = id.split("/");
  const exists =
    scheme === "channel" ? core.channels.has(id)
    : scheme === "bridge" ? core.bridges.has(id)
    : scheme === "endpoint" ? tech === "PJSIP" && (resource === undefined || endpointExists(core, resource))
    : scheme === "deviceState";
  if (!["channel", "bridge", "endpoint", "deviceState"].includes(scheme ?? "")) throw new AriHttpError(400, "Invalid event source URI scheme");
  if (!exists) throw new AriHttpError(422, "Event source does not exist");
  const set = scheme === "channel" ? app.channelIds : scheme === "bridge" ? app.bridgeIds : scheme === "endpoint" ? app.endpointIds : app.deviceNames;
  return [set, id];
}

function asteriskInfo(core: SimCore, only: string[]): AsteriskInfo {
  const started = ariTimestamp(core.startedAt);
  const all: AsteriskInfo = {
    build: { os: "Linux", kernel: "6.1.0", options: "", machine: "x86_64", date: "2026-01-01 00:00:00 UTC", user: "sim" },
    system: { version: "20.9.0-ari-simulator", entity_id: core.asteriskId },
    config: { name: "", default_language: "en", setid: { user: "asterisk", group: "asterisk" } },
    status: { startup_time: started, last_reload_time: started },
  };
  const sections = only.length ? only : ASTERISK_INFO_SECTIONS;
  return Object.fromEntries(sections.map((s) => [s, all[s as keyof AsteriskInfo]]));
}

const ref = (p: Record<string, string>) => [p.configClass ?? "", p.objectType ?? "", p.id ?? ""] as const;

export const SYSTEM_HANDLERS: Readonly<Record<string, RestHandler>> = {
  "GET /applications": ({ core }) => ok([...core.hub.apps.values()].map(appJson)),
  "GET /applications/{applicationName}": (req) => ok(appJson(appOf(req))),
  "POST /applications/{applicationName}/subscription": (req) => {
    const app = appOf(req);
    const entries = listParam(req.query.eventSource).map((s) => sourceSet(req.core, app, s));
    for (const [set, id] of entries) set.add(id);
    return ok(appJson(app));
  },
  "DELETE /applications/{applicationName}/subscription": (req) => {
    const app = appOf(req);
    const entries = listParam(req.query.eventSource).map((s) => sourceSet(req.core, app, s));
    if (entries.some(([set, id]) => !set.has(id))) throw new AriHttpError(409, "Application not subscribed to event source.");
    for (const [set, id] of entries) set.delete(id);
    return ok(appJson(app));
  },
  "GET /asterisk/info": ({ core, query }) => ok(asteriskInfo(core, listParam(query.only))),
  "GET /asterisk/ping": ({ core }) => ok({ asterisk_id: core.asteriskId, ping: "pong", timestamp: ariTimestamp() }),
  "GET /asterisk/config/dynamic/{configClass}/{objectType}/{id}": ({ core, params }) => ok(getConfigObject(core, ...ref(params))),
  "PUT /asterisk/config/dynamic/{configClass}/{objectType}/{id}": ({ core, params, body }) =>
    ok(putConfigObject(core, ...ref(params), body)),
  "DELETE /asterisk/config/dynamic/{configClass}/{objectType}/{id}": ({ core, params }) => deleteConfigObject(core, ...ref(params)),
  "GET /endpoints": ({ core }) => ok(endpointResources(core).map((r) => endpointJson(core, r))),
  "GET /endpoints/{tech}": ({ core, params }) => {
    if (params.tech !== "PJSIP") throw new AriHttpError(404, "No Endpoints found - invalid tech");
    return ok(endpointResources(core).map((r) => endpointJson(core, r)));
  },
  "GET /endpoints/{tech}/{resource}": ({ core, params }) => {
    if (params.tech !== "PJSIP" || !endpointExists(core, params.resource ?? "")) throw new AriHttpError(404, "Endpoint not found");
    return ok(endpointJson(core, params.resource ?? ""));
  },
  "GET /deviceStates": ({ core }) => ok([...core.deviceStates].map(([name, state]) => ({ name, state }))),
  "GET /deviceStates/{deviceName}": ({ core, params }) => {
    const name = params.deviceName ?? "";
    return ok({ name, state: deviceStateOf(core, name) });
  },
  "PUT /deviceStates/{deviceName}": ({ core, params, query }) =>
    setStasisDeviceState(core, params.deviceName ?? "", query.deviceState ?? ""),
  "DELETE /deviceStates/{deviceName}": ({ core, params }) => {
    const name = requireStasisDevice(core, params.deviceName ?? "");
    core.deviceStates.delete(name);
  },
};
