import { describe, expect, it } from "vitest";
import { silentLogger } from "../log";
import { createCallPresence, type CallStateWrites } from "./call-presence";

function recorder() {
  const log: string[] = [];
  let release: (() => void) | undefined;
  const gate = () => new Promise<void>((resolve) => (release = resolve));
  const writes: CallStateWrites = {
    saveCallState: async (row) => {
      log.push(`${row.state}:${row.channelId}`);
      await gate();
    },
    saveIdle: async (row) => {
      log.push(`IDLE:${row.channelId}`);
      await gate();
    },
  };
  return { log, writes, release: () => release?.() };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));
const at = new Date(0);

describe("createCallPresence", () => {
  it("writes in order and coalesces what queued behind a slow write", async () => {
    const r = recorder();
    const presence = createCallPresence(r.writes, silentLogger());
    presence.ringing("t", "ext", "A", "100", at); // in flight
    presence.inCall("t", "ext", "A", "100", at); // replaced by the next full-state write
    presence.ringing("t", "ext", "B", "101", at);
    presence.idle("t", "ext", "A", at); // kept: must still clear A if A owned the row
    const flushed = presence.flush();
    for (let i = 0; i < 5; i++) {
      await tick();
      r.release();
    }
    await flushed;
    expect(r.log).toEqual(["RINGING:A", "RINGING:B", "IDLE:A"]);
  });

  it("keeps extensions independent and survives a failed write", async () => {
    const log: string[] = [];
    const presence = createCallPresence(
      {
        saveCallState: async (row) => {
          log.push(`${row.extensionId}:${row.state}`);
          if (row.extensionId === "x") throw new Error("db down");
        },
        saveIdle: async (row) => void log.push(`${row.extensionId}:IDLE`),
      },
      silentLogger(),
    );
    presence.ringing("t", "x", "A", null, at);
    presence.ringing("t", "y", "B", null, at);
    presence.idle("t", "x", "A", at);
    await presence.flush();
    expect(log.sort()).toEqual(["x:IDLE", "x:RINGING", "y:RINGING"]);
  });
});
