/**
 * ARI simulator: a real HTTP + WebSocket server speaking the part of Asterisk's ARI the
 * worker uses, with a scenario API playing the phones, callers and carriers around it.
 *
 *   const sim = await startAriSimulator({ username: "portal", password: "secret", speed: 50 });
 *   const ari = new AriClient({ baseUrl: sim.url, username: "portal", password: "secret", app: "centrex" });
 *   sim.scenario.registerPhone({ endpoint: "t42-1001" });
 *   const id = sim.scenario.placeInboundCall({ from: "+447900123456", to: "+442071234567" });
 *
 * Every request is checked against the ARI client's own operation table (`../ari/operations`,
 * itself proven against Asterisk's spec by the conformance test) and refused with 400 when
 * Asterisk would refuse it. Tests can also validate every event against the spec's models.
 * Nothing here reads the spec files, so the simulator runs from the repository alone.
 *
 * Where it knowingly differs from Asterisk 20+:
 * - Only the operations the client declares exist: others (snoop, externalMedia, redirect,
 *   modules, mailboxes, sounds, ...) answer 404, or 405 for a known path with another method.
 *   A declared operation without a handler answers 501.
 * - Only the PJSIP technology exists. Dial strings are `PJSIP/<endpoint>` or
 *   `PJSIP/<number>@<trunk>`; anything else is 400. Trunks (option `trunks`, default
 *   `["trunk"]`) stand for static pjsip.conf endpoints and are always reachable.
 * - `asterisk/config/dynamic` stores and returns only the fields that were PUT (Asterisk also
 *   returns every defaulted field) and does not check attribute names.
 * - No audio: media durations come from a table (`soundDurationsMs`, default 2 s per sound,
 *   250 ms per digit, `recording:` = the stored recording's length, `tone:` until stopped).
 *   A stored recording's file (`GET /recordings/stored/{name}/file`) is a 440 Hz tone of its
 *   simulated length, for formats wav and wav16 only (403 for others).
 * - A continued channel "runs dialplan" for `dialplanRunMs` (default 5 s), then the dialplan
 *   hangs it up (cause 16), standing in for voicemail/fax applications.
 * - Phone "unreachable" models a registered phone that stopped answering SIP: the INVITE fails
 *   after 0.5 s with Dial CHANUNAVAIL and cause 18. Qualify (OPTIONS) is not simulated.
 * - Fax: `playFaxTone` raises ChannelToneDetected only if the app armed detection by setting
 *   a `TONE_DETECT(1100...)` channel variable (option `x` disarms it; tone-detect.ts); the
 *   function's `g`/`h` gotos and faxdetect's redirect to the `fax` extension are not simulated.
 * - Music on hold has no events (as in Asterisk); a playback on the channel ends it, as
 *   Asterisk's file streams deactivate the channel's generator.
 * - Channel variables are plain storage: dialplan functions (CALLERID(), CHANNEL()...) are not
 *   evaluated. Channels carry no `channelvars`.
 * - Speed scales all simulated time (ring/answer delays, originate timeouts, media) but event
 *   timestamps are real wall-clock times.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { SimCore } from "./core";
import type { EventValidator } from "./events-hub";
import { handleEventSocketUpgrade, isAuthorised } from "./event-socket";
import { handleAriRequest } from "./rest-router";
import { createScenarioApi, type ScenarioApi } from "./scenario";
import { handleScenarioRequest } from "./scenario-http";

export interface AriSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: "127.0.0.1" | (string & {});
  username: string;
  password: string;
  /** Stasis app the simulated dialplan sends inbound and extension calls to. Default "centrex". */
  app?: string;
  /** Time scale: 1 = real time (default); tests use 50-100. */
  speed?: number;
  log?: (message: string) => void;
  trunks?: string[];
  soundDurationsMs?: Record<string, number>;
  defaultSoundMs?: number;
  dialplanRunMs?: number;
  /**
   * Checks every event at emit time; problems are counted in `stats().violations`. Tests pass
   * one built from Asterisk's spec (`specEventValidator()` in test-helpers); none by default.
   */
  validateEvent?: EventValidator;
}

export interface AriSimulator {
  /** ARI base URL, e.g. `http://127.0.0.1:PORT/ari`. */
  url: string;
  port: number;
  scenario: ScenarioApi;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

function send(res: ServerResponse, status: number, json?: unknown): void {
  if (status === 401) res.setHeader("WWW-Authenticate", 'Basic realm="Asterisk REST Interface"');
  if (json === undefined) return void res.writeHead(status).end();
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
}

/** Starts the simulator; resolves once it listens. */
export async function startAriSimulator(options: AriSimulatorOptions): Promise<AriSimulator> {
  const log = options.log ?? (() => {});
  const core = new SimCore({
    speed: options.speed ?? 1,
    app: options.app ?? "centrex",
    trunks: options.trunks ?? ["trunk"],
    soundDurationsMs: options.soundDurationsMs ?? {},
    defaultSoundMs: options.defaultSoundMs ?? 2000,
    dialplanRunMs: options.dialplanRunMs ?? 5000,
    ...(options.validateEvent ? { validateEvent: options.validateEvent } : {}),
    log,
  });
  const credentials = `${options.username}:${options.password}`;
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  const scenario = createScenarioApi(core, () => {
    for (const ws of sockets) ws.terminate();
  });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    void readBody(req).then(async (body) => {
      if (!isAuthorised(req, url, credentials)) return send(res, 401, { message: "Authentication required" });
      if (url.pathname.startsWith("/ari/")) {
        const result = handleAriRequest(core, req.method ?? "GET", url.pathname, url.searchParams, body);
        if (result.file) return void res.writeHead(result.status, { "content-type": result.file.contentType, "content-length": result.file.bytes.length }).end(result.file.bytes);
        return send(res, result.status, result.json);
      }
      const scenarioMethod = /^\/scenario\/(\w+)$/.exec(url.pathname)?.[1];
      if (scenarioMethod && req.method === "POST") {
        const result = await handleScenarioRequest(scenario, scenarioMethod, body);
        return send(res, result.status, result.json);
      }
      send(res, 404, { message: "Resource not found" });
    }).catch((err: unknown) => {
      log(`simulator request failed: ${String(err)}`);
      if (!res.headersSent) send(res, 500, { message: "Internal Server Error" });
    });
  });

  server.on("upgrade", handleEventSocketUpgrade(core, wss, sockets, credentials));

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/ari`,
    port,
    scenario,
    close: async () => {
      core.close();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
