/**
 * Test support for the Asterisk lane: what the worker wrote (CallRecord, ExtensionCallState,
 * Registration) and what Asterisk holds (channels, bridges), read the same way by every file.
 * RegistrationTimeline samples Registration rows in the background and keeps every state it saw
 * with the time it saw it, so a test can say how long a phone read UNREGISTERED.
 */
import type { Lane } from "./lane";
import { pollUntil, sleep } from "./output";

export type AriBridge = { id: string; technology: string; bridge_type: string; channels: string[] };
export type AriChannel = { id: string; name: string; state: string; creationtime?: string };

export const callRecordsSince = (lane: Lane, since: Date) =>
  lane.db.callRecord.findMany({ where: { createdAt: { gte: since } }, orderBy: { createdAt: "asc" } });

/** Resolves once at least `count` CallRecords were written since `since`. */
export const waitForCallRecords = (lane: Lane, since: Date, count: number, timeoutMs = 30_000) =>
  pollUntil(
    `${count} CallRecord(s)`,
    async () => {
      const rows = await callRecordsSince(lane, since);
      return rows.length >= count ? rows : undefined;
    },
    timeoutMs,
  );

/** The live channel of a SIP username (`PJSIP/<username>-<hex>`), waited for. */
export const liveChannelOf = (lane: Lane, username: string, timeoutMs = 10_000) =>
  pollUntil(
    `live channel of ${username}`,
    async () => (await lane.ari.get<AriChannel[]>("/channels")).find((c) => c.name.startsWith(`PJSIP/${username}-`)),
    timeoutMs,
  );

/** The bridge holding `count` channels, waited for. */
export const bridgeWith = (lane: Lane, count: number, timeoutMs = 10_000) =>
  pollUntil(`a bridge with ${count} channel(s)`, async () => (await lane.ari.get<AriBridge[]>("/bridges")).find((b) => b.channels.length === count), timeoutMs);

/** ExtensionCallState of a demo extension (null when the worker never wrote one). */
export const callStateOf = (lane: Lane, number: string, tenantName?: string) =>
  lane.db.extensionCallState.findUnique({ where: { extensionId: lane.account(number, tenantName).extensionId } });

export const registrationOf = (lane: Lane, number: string, tenantName?: string) =>
  lane.db.registration.findUnique({ where: { sipAccountId: lane.account(number, tenantName).sipAccountId } });

export type Observation = { at: number; number: string; state: string };

/** Samples the Registration rows of `numbers` every `everyMs` until stop(); keeps each change. */
export class RegistrationTimeline {
  readonly observations: Observation[] = [];
  samples = 0;
  private isStopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly lane: Lane,
    readonly numbers: string[],
    everyMs = 50,
  ) {
    this.loop = this.run(everyMs);
  }

  private async run(everyMs: number): Promise<void> {
    const last = new Map<string, string>();
    while (!this.isStopped) {
      const rows = await Promise.all(this.numbers.map(async (number) => [number, (await registrationOf(this.lane, number))?.state ?? "none"] as const));
      const at = Date.now();
      this.samples++;
      for (const [number, state] of rows) {
        if (last.get(number) === state) continue;
        last.set(number, state);
        this.observations.push({ at, number, state });
      }
      await sleep(everyMs);
    }
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    await this.loop;
  }

  /** The state of `number` at time `at` (the last change at or before it). */
  stateAt(number: string, at: number): string | undefined {
    return this.observations.filter((o) => o.number === number && o.at <= at).at(-1)?.state;
  }

  /** States `number` showed within [from, to]: the one it had at `from`, then every change. */
  statesBetween(number: string, from: number, to: number): string[] {
    const during = this.observations.filter((o) => o.number === number && o.at > from && o.at <= to).map((o) => o.state);
    const atStart = this.stateAt(number, from);
    return atStart === undefined ? during : [atStart, ...during];
  }

  /**
   * The longest stretch after `from` (until `to`) during which `number` read one of `states`;
   * a stretch that began before `from` counts from `from`.
   */
  longestStretch(number: string, states: readonly string[], from: number, to: number): number {
    const changes = this.observations.filter((o) => o.number === number);
    let longest = 0;
    for (const [i, change] of changes.entries()) {
      if (!states.includes(change.state)) continue;
      const end = Math.min(changes[i + 1]?.at ?? to, to);
      const start = Math.max(change.at, from);
      longest = Math.max(longest, end - start);
    }
    return longest;
  }

  /** One line per change, relative to `zero` (ms), for the report. */
  describe(zero: number): string {
    return this.observations.map((o) => `${((o.at - zero) / 1000).toFixed(2).padStart(7)} s  ${o.number} ${o.state}`).join("\n");
  }
}
