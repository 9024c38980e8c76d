/** ARI `applications`, `asterisk`, `endpoints` and `deviceStates` operations. */
import type { ASTERISK_INFO_SECTIONS, DEVICE_STATES } from "./operations";
import type { AriRequest } from "./request";
import type { Application, AsteriskInfo, AsteriskPing, ConfigTuple, DeviceState, Endpoint } from "./types";

export type SettableDeviceState = (typeof DEVICE_STATES)[number];

/** Identifies one dynamic (sorcery) config object, e.g. `res_pjsip` / `endpoint` / `t42-1001`. */
export interface ConfigObjectRef {
  configClass: string;
  objectType: string;
  id: string;
}

export function applicationsApi(request: AriRequest) {
  const app = (applicationName: string) => ({ pathParams: { applicationName } });
  return {
    list: () => request<Application[]>("GET", "/applications"),
    get: (name: string) => request<Application>("GET", "/applications/{applicationName}", app(name)),
    /** Event sources look like `channel:<id>`, `bridge:<id>`, `endpoint:PJSIP/1001`, `deviceState:<name>`. */
    subscribe: (name: string, eventSource: string | readonly string[]) =>
      request<Application>("POST", "/applications/{applicationName}/subscription", { ...app(name), query: { eventSource } }),
    unsubscribe: (name: string, eventSource: string | readonly string[]) =>
      request<Application>("DELETE", "/applications/{applicationName}/subscription", { ...app(name), query: { eventSource } }),
  };
}

export function asteriskApi(request: AriRequest) {
  const dynamic = "/asterisk/config/dynamic/{configClass}/{objectType}/{id}" as const;
  const ref = ({ configClass, objectType, id }: ConfigObjectRef) => ({ pathParams: { configClass, objectType, id } });
  return {
    info: (only?: readonly (typeof ASTERISK_INFO_SECTIONS)[number][]) =>
      request<AsteriskInfo>("GET", "/asterisk/info", { query: { only } }),
    ping: () => request<AsteriskPing>("GET", "/asterisk/ping"),
    getObject: (object: ConfigObjectRef) => request<ConfigTuple[]>("GET", dynamic, ref(object)),
    /** Creates or replaces the object's given fields; Asterisk answers with the resulting fields. */
    putObject: (object: ConfigObjectRef, fields: readonly ConfigTuple[]) =>
      request<ConfigTuple[]>("PUT", dynamic, { ...ref(object), body: { fields } }),
    deleteObject: (object: ConfigObjectRef) => request<void>("DELETE", dynamic, ref(object)),
  };
}

export function endpointsApi(request: AriRequest) {
  return {
    list: () => request<Endpoint[]>("GET", "/endpoints"),
    listByTech: (tech: string) => request<Endpoint[]>("GET", "/endpoints/{tech}", { pathParams: { tech } }),
    get: (tech: string, resource: string) =>
      request<Endpoint>("GET", "/endpoints/{tech}/{resource}", { pathParams: { tech, resource } }),
  };
}

export function deviceStatesApi(request: AriRequest) {
  const dev = (deviceName: string) => ({ pathParams: { deviceName } });
  return {
    list: () => request<DeviceState[]>("GET", "/deviceStates"),
    get: (deviceName: string) => request<DeviceState>("GET", "/deviceStates/{deviceName}", dev(deviceName)),
    /** Only `Stasis:<name>` devices can be set through ARI. */
    update: (deviceName: string, deviceState: SettableDeviceState) =>
      request<void>("PUT", "/deviceStates/{deviceName}", { ...dev(deviceName), query: { deviceState } }),
    delete: (deviceName: string) => request<void>("DELETE", "/deviceStates/{deviceName}", dev(deviceName)),
  };
}
