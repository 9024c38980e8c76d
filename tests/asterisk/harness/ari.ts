/**
 * Test support for the Asterisk lane: plain ARI access beside the worker's own client, to
 * look at Asterisk's state (GET /endpoints, /bridges, /applications) and to record every
 * event it emits. The recorder is its own Stasis application subscribed to everything
 * (`subscribeAll=true`): it sees the channels, bridges and endpoints the worker handles without
 * owning any of them, and reconnects after an Asterisk restart.
 */
import WebSocket from "ws";
import { sleep, WaitableList } from "./output";

export type AriEvent = { type: string; timestamp?: string; application?: string; [key: string]: unknown };

export class AriRest {
  private readonly auth: string;

  constructor(
    readonly url: string,
    username: string,
    password: string,
  ) {
    this.auth = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  }

  /** Resolves with the status and the parsed JSON body (null for an empty body). */
  async request<T = unknown>(method: string, resource: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}${resource}`, {
      method,
      headers: { authorization: this.auth, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** GET that must answer 200. */
  async get<T = unknown>(resource: string): Promise<T> {
    const { status, body } = await this.request<T>("GET", resource);
    if (status !== 200) throw new Error(`GET ${resource}: ${status} ${JSON.stringify(body)}`);
    return body;
  }
}

export class AriEventRecorder {
  private readonly list: WaitableList<AriEvent>;
  private socket: WebSocket | null = null;
  private isClosed = false;
  /** How many times the socket has (re)connected. */
  connections = 0;

  /**
   * subscribeAll (default true): every channel, bridge, endpoint and device event, without
   * owning anything. false + eventSources: exactly what an app with those subscriptions gets.
   */
  constructor(
    private readonly url: string,
    private readonly username: string,
    private readonly password: string,
    readonly app = "lane-observer",
    private readonly options: { subscribeAll?: boolean; eventSources?: string[] } = {},
  ) {
    this.list = new WaitableList(`ARI app ${app}`, (events) => events.slice(-15).map((e) => e.type).join(", "));
  }

  get events(): readonly AriEvent[] {
    return this.list.items;
  }

  /** Connects and keeps reconnecting until close(); resolves on the first connection. */
  async start(): Promise<void> {
    const first = this.connections + 1;
    void this.loop();
    while (this.connections < first) await sleep(50);
  }

  private async loop(): Promise<void> {
    while (!this.isClosed) {
      await new Promise<void>((resolve) => {
        const all = this.options.subscribeAll === false ? "" : "&subscribeAll=true";
        const wsUrl = `${this.url.replace(/^http/, "ws")}/events?app=${encodeURIComponent(this.app)}${all}`;
        const socket = new WebSocket(wsUrl, { headers: { authorization: `Basic ${Buffer.from(`${this.username}:${this.password}`).toString("base64")}` } });
        this.socket = socket;
        socket.on("open", () => void this.subscribe().finally(() => this.connections++));
        socket.on("message", (data) => this.list.push(JSON.parse(String(data)) as AriEvent));
        socket.on("error", () => undefined);
        socket.on("close", () => resolve());
      });
      if (!this.isClosed) await sleep(250);
    }
  }

  /** Event sources subscribed after every (re)connect, e.g. `endpoint:PJSIP` as the worker does. */
  private async subscribe(): Promise<void> {
    const rest = new AriRest(this.url, this.username, this.password);
    for (const source of this.options.eventSources ?? []) {
      await rest.request("POST", `/applications/${encodeURIComponent(this.app)}/subscription?eventSource=${encodeURIComponent(source)}`).catch(() => undefined);
    }
  }

  mark(): number {
    return this.list.mark();
  }

  since(mark: number, type?: string): AriEvent[] {
    return this.events.slice(mark).filter((e) => !type || e.type === type);
  }

  /** Resolves with the first event at or after `since` that matches; rejects after the timeout. */
  waitFor(predicate: (event: AriEvent) => boolean, options: { since?: number; timeoutMs?: number; what?: string } = {}): Promise<AriEvent> {
    return this.list.waitFor(predicate, options);
  }

  close(): void {
    this.isClosed = true;
    this.socket?.terminate();
  }
}

/** Keeps what a person reviewing an event needs; drops the bulky channel snapshots. */
export function summarizeEvent(event: AriEvent): Record<string, unknown> {
  const channel = event.channel as { id?: string; name?: string; state?: string; dialplan?: { context?: string; exten?: string } } | undefined;
  const out: Record<string, unknown> = { type: event.type };
  if (channel) out.channel = `${channel.name ?? channel.id} ${channel.state ?? ""}`.trim();
  for (const key of ["cause", "soft", "cause_txt", "dialstatus", "args"] as const) if (key in event) out[key] = event[key];
  const endpoint = event.endpoint as { resource?: string; state?: string; channel_ids?: string[] } | undefined;
  if (endpoint) out.endpoint = `${endpoint.resource} ${endpoint.state ?? ""}`.trim();
  const contact = event.contact_info as { contact_status?: string; uri?: string; roundtrip_usec?: string } | undefined;
  if (contact) out.contact = `${contact.contact_status} ${contact.uri}`;
  const peer = event.peer as { peer_status?: string; address?: string } | undefined;
  if (peer) out.peer = `${peer.peer_status} ${peer.address ?? ""}`.trim();
  if (channel?.dialplan && (event.type === "ChannelDialplan" || event.type === "ChannelDestroyed")) out.dialplan = `${channel.dialplan.context}/${channel.dialplan.exten}`;
  return out;
}
