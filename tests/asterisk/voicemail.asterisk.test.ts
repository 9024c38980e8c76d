/**
 * The dialplan and voicemail configuration on a real Asterisk: both load without the warnings
 * they used to raise, mailboxes come from the database (realtime view asterisk_voicemail, one
 * voicemail context per tenant), a caller handed to an existing mailbox leaves a message, and
 * a mailbox that does not exist ends the call unanswered through [unavailable] (503 after the
 * congestion tone). Prints the voicemail part of Asterisk's log for review.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { AriEventRecorder } from "./harness/ari";
import { executedApps } from "./harness/asterisk-log";
import { describeLane } from "./harness/describe-lane";
import { startLane, type Lane } from "./harness/lane";
import { waitForCallRecords } from "./harness/lane-queries";
import { pollUntil, sleep } from "./harness/output";
import type { Phone } from "./harness/pjsua";

const NO_MAILBOX = /No entry in voicemail config file/;
/** `voicemail show users for <context>` on realtime: `==> context: <c>` then `==> mailbox: <m>`. */
const listedMailboxes = (cli: string) => [...cli.matchAll(/==> context: (\S+)\n=== ==> mailbox: (\S+)/g)].map(([, context, mailbox]) => `${mailbox}@${context}`);
const voicemailLines = (log: string) => log.split("\n").filter((l) => /voicemail|VoiceMail|Playing|Recording|unavailable|WARNING|ERROR|NOTICE/.test(l));

describeLane("[ASTERISK] dialplan and voicemail", () => {
  let lane: Lane;
  let alice: Phone; // 201, places the calls

  beforeAll(async () => {
    lane = await startLane({ label: "voicemail" });
    // Every frame sent, so the message it leaves lasts as long as the caller stays on.
    alice = await lane.startPhone("201", { hasNoVad: true });
  });
  afterAll(async () => lane?.teardown());
  afterEach(async () => alice?.hangupAll());

  it("[ASTERISK] the dialplan and voicemail.conf load without warnings, and VM_INFO exists", async () => {
    const log = await lane.asterisk.log();
    const found = (re: RegExp) => log.split("\n").filter((l) => re.test(l));
    expect(found(/No closing parenthesis/)).toEqual([]);
    expect(found(/maxsilence should be less than/)).toEqual([]);
    expect(found(/(ERROR|WARNING)\[.*(transport-tls|cert_file|priv_key_file|TLS)/)).toEqual([]);
    expect(found(/(ERROR|WARNING)\[.*identify/i)).toEqual([]);
    expect(found(/(ERROR|WARNING)\[.*(pbx_config|app_voicemail|res_config_pgsql)/)).toEqual([]);
    const vmInfo = await lane.asterisk.cli("core show function VM_INFO");
    console.log(`[voicemail] core show function VM_INFO:\n${vmInfo.split("\n").slice(0, 8).join("\n")}`);
    expect(vmInfo).toMatch(/VM_INFO\(mailbox\[@context\],attribute/);
    expect(vmInfo).not.toMatch(/No function by that name/);
  });

  it("[ASTERISK] unregistered 210 (Reception) goes to voicemail and the caller leaves a message in <tenant>/210", async () => {
    const reception = lane.account("210");
    const mailboxDir = path.join(lane.config.spoolDir, "voicemail", reception.tenantId, "210");
    const startedAt = new Date();
    const logMark = await lane.asterisk.mark();
    const since = alice.call(lane.sipUri("210"));
    await lane.asterisk.waitForLog(/Executing \[.*@voicemail:\d+\] VoiceMail\(/, { since: logMark, timeoutMs: 20_000 });
    await alice.waitForCallState("CONFIRMED", { since });
    // The greeting ("the person at extension 2 1 0 is unavailable", the intro, a beep) first.
    await lane.asterisk.waitForLog(/Recording the message/, { since: logMark, timeoutMs: 30_000 });
    await sleep(3_000);
    await alice.waitForDisconnect({ since: alice.hangup() });
    const inbox = await pollUntil(
      `a message in ${mailboxDir}/INBOX`,
      async () => {
        const files = await readdir(path.join(mailboxDir, "INBOX")).catch(() => []);
        return files.some((f) => /^msg\d+\.txt$/.test(f)) ? files : undefined;
      },
      10_000,
    ).catch(async (err: Error) => `${err.message}; ${mailboxDir} holds ${JSON.stringify(await readdir(mailboxDir).catch(() => "nothing"))}`);

    const log = await lane.asterisk.log(logMark);
    console.log(`[voicemail] 210: Asterisk log of the call:\n${voicemailLines(log).join("\n")}`);
    console.log(`[voicemail] 210: INBOX ${JSON.stringify(inbox)}`);
    const [record] = await waitForCallRecords(lane, startedAt, 1);
    console.log(`[voicemail] 210: CallRecord ${JSON.stringify(record)}`);
    expect(executedApps(log, "VoiceMail").join("\n")).toMatch(new RegExp(`VoiceMail\\(".*", "210@${reception.tenantId},u"\\)`));
    expect(log.split("\n").filter((l) => NO_MAILBOX.test(l))).toEqual([]);
    expect(log).toMatch(/Playing 'vm-(theperson|intro)/);
    expect(inbox).toEqual(expect.arrayContaining([expect.stringMatching(/^msg\d+\.txt$/)]));
    expect(record?.disposition).toBe("VOICEMAIL");
  });

  it("[ASTERISK] a mailbox that does not exist ends unanswered through [unavailable]: 503 after the tone", async () => {
    const tenantId = lane.account("201").tenantId;
    // Stand in for the worker as the Stasis app, to continue the call to any mailbox at all.
    await lane.worker.stop();
    const { url, username, password, app } = lane.config.ari;
    const standIn = new AriEventRecorder(url, username, password, app, { subscribeAll: false });
    try {
      await standIn.start();
      const logMark = await lane.asterisk.mark();
      const since = alice.call(lane.sipUri("299"));
      const start = await standIn.waitFor((e) => e.type === "StasisStart", { what: "StasisStart of 201's call" });
      const channelId = (start.channel as { id: string }).id;
      const continued = await lane.ari.request("POST", `/channels/${channelId}/continue?context=voicemail&extension=${encodeURIComponent(`999@${tenantId}`)}&priority=1`);
      const continuedAt = Date.now();
      const end = await alice.waitForDisconnect({ since, timeoutMs: 20_000 });
      const seconds = (Date.now() - continuedAt) / 1000;

      const log = await lane.asterisk.log(logMark);
      console.log(`[voicemail] 999: continue answered ${continued.status}; 201 saw ${end.line} ${seconds.toFixed(1)} s later`);
      console.log(`[voicemail] 999: Asterisk log of the call:\n${voicemailLines(log).join("\n")}`);
      expect(continued.status).toBe(204);
      expect(alice.output.find(/state changed to CONFIRMED/, since)).toEqual([]);
      expect(executedApps(log, "VoiceMail")).toEqual([]);
      expect(executedApps(log, "Answer")).toEqual([]);
      expect(log).toMatch(/Executing \[s@unavailable:1\]/);
      expect(end.status).toBe(503);
      expect(seconds).toBeGreaterThanOrEqual(2);
    } finally {
      standIn.close();
      await lane.worker.start();
    }
  });

  it("[ASTERISK] tenants' mailboxes never collide: Globex's 301 lives in Globex's context only", async () => {
    const acme = lane.account("201").tenantId;
    const globex = lane.account("301", "Globex Corp").tenantId;
    const rows = await lane.db.$queryRaw<Array<{ context: string; mailbox: string }>>`SELECT "context", "mailbox" FROM "asterisk_voicemail" ORDER BY "context", "mailbox"`;
    const globexUsers = await lane.asterisk.cli(`voicemail show users for ${globex}`);
    const acmeUsers = await lane.asterisk.cli(`voicemail show users for ${acme}`);
    console.log(`[voicemail] asterisk_voicemail: ${JSON.stringify(rows)}`);
    console.log(`[voicemail] voicemail show users for <Globex>: ${JSON.stringify(listedMailboxes(globexUsers))}; for <Acme>: ${JSON.stringify(listedMailboxes(acmeUsers))}`);
    expect(rows.filter((r) => r.mailbox === "301")).toEqual([{ context: globex, mailbox: "301" }]);
    expect(rows.filter((r) => r.mailbox === "201")).toEqual([{ context: acme, mailbox: "201" }]);
    expect(listedMailboxes(globexUsers).sort()).toEqual(["301", "302", "303", "general"].map((m) => `${m}@${globex}`));
    expect(listedMailboxes(acmeUsers).sort()).toEqual(["201", "202", "203", "210", "general"].map((m) => `${m}@${acme}`));
  });
});
