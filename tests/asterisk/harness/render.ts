/**
 * Test support for the Asterisk lane: renders the configuration the project ships
 * (asterisk/*.conf through asterisk/render-config.sh, RENDER_ONLY=1) into a lane folder, on
 * free loopback ports, then adds the two files production does not ship: asterisk.conf
 * (every directory inside the lane folder, modules and sounds from the install) and
 * logger.conf (messages.log + console). The shipped files are used as rendered: on 22.5.2 every
 * module modules.conf autoloads either binds the ports rendered here or declines without its
 * config file, so the lane needs no `noload` of its own.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "../../../scripts/lib/child-processes";
import { findFreePort } from "../../setup/free-port";
import { findFreeSipPort, findFreeUdpRange } from "./ports";

export const RENDER_SCRIPT = path.join(REPO_ROOT, "asterisk/render-config.sh");
export const SHIPPED_CONFIG_DIR = path.join(REPO_ROOT, "asterisk");

/** How many RTP ports Asterisk gets (two per call leg). */
const RTP_PORTS = 200;

export interface LaneConfig {
  /** The rendered configuration folder (astetcdir). */
  etcDir: string;
  /** Pass as `asterisk -C`. */
  asteriskConf: string;
  /** messages.log lives here. */
  logDir: string;
  spoolDir: string;
  ports: { http: number; sip: number; sipTls: number; rtpStart: number; rtpEnd: number };
  ari: { url: string; username: string; password: string; app: string };
  /** render-config.sh's stderr (its warnings). */
  renderWarnings: string[];
}

export interface RenderOptions {
  /** The lane folder; the configuration goes to `<dir>/etc`, Asterisk's state next to it. */
  dir: string;
  asteriskBin: string;
  ari: { username: string; password: string; app: string };
  /** The carrier as host:port, and what identify matches. */
  trunk: { host: string; match?: string };
  /** Voicemail realtime (res_pgsql.conf). */
  pg: { host: string; port: number; database: string; user: string; password: string };
  /** More render-config.sh variables (override anything above). */
  env?: Record<string, string>;
}

/** Runs render-config.sh with RENDER_ONLY=1; resolves with its exit code and stderr lines. */
export function runRenderScript(env: Record<string, string>): Promise<{ code: number; stderr: string[] }> {
  return new Promise((resolve) => {
    // Only what we pass: a stray TRUNK_HOST or ARI_PASSWORD in the shell must not leak in.
    const only: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", RENDER_ONLY: "1", ...env };
    const child = spawn("sh", [RENDER_SCRIPT], { env: only as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, stderr: stderr.split("\n").filter(Boolean) }));
  });
}

/** `<prefix>` of an install whose binary is `<prefix>/sbin/asterisk`. */
const installPrefix = (asteriskBin: string) => path.resolve(path.dirname(asteriskBin), "..");

export async function renderLaneConfig(options: RenderOptions): Promise<LaneConfig> {
  const etcDir = path.join(options.dir, "etc");
  const dirs = {
    astvarlibdir: path.join(options.dir, "var/lib"),
    astdbdir: path.join(options.dir, "var/db"),
    // Asterisk reads keys from <astkeydir>/keys.
    astkeydir: path.join(options.dir, "var/lib"),
    astcachedir: path.join(options.dir, "var/cache"),
    astagidir: path.join(options.dir, "var/lib/agi-bin"),
    astspooldir: path.join(options.dir, "spool"),
    astrundir: path.join(options.dir, "run"),
    astlogdir: path.join(options.dir, "log"),
  };
  for (const dir of [etcDir, ...Object.values(dirs)]) await mkdir(dir, { recursive: true });
  // ARI's recordings go to <spool>/recording, which `make install` creates; without it
  // POST /bridges/{id}/record fails with 500 ("Unrecognized recording error: No such file").
  for (const sub of [path.join(dirs.astspooldir, "fax"), path.join(dirs.astspooldir, "recording"), path.join(dirs.astkeydir, "keys")]) await mkdir(sub, { recursive: true });

  const ports = { http: await findFreePort(), sip: await findFreeSipPort(), sipTls: await findFreePort(), rtpStart: await findFreeUdpRange(RTP_PORTS), rtpEnd: 0 };
  ports.rtpEnd = ports.rtpStart + RTP_PORTS - 1;
  const rendered = await runRenderScript({
    CONFIG_SRC: SHIPPED_CONFIG_DIR,
    CONFIG_DEST: etcDir,
    ARI_USERNAME: options.ari.username,
    ARI_PASSWORD: options.ari.password,
    ARI_APP: options.ari.app,
    PUBLIC_IP: "127.0.0.1",
    LOCAL_NET: "127.0.0.0/8",
    HTTP_BINDADDR: "127.0.0.1",
    HTTP_PORT: String(ports.http),
    SIP_BINDADDR: "127.0.0.1",
    SIP_PORT: String(ports.sip),
    SIP_TLS_PORT: String(ports.sipTls),
    RTP_START: String(ports.rtpStart),
    RTP_END: String(ports.rtpEnd),
    TRUNK_HOST: options.trunk.host,
    ...(options.trunk.match ? { TRUNK_MATCH: options.trunk.match } : {}),
    PG_HOST: options.pg.host,
    PG_PORT: String(options.pg.port),
    PG_DATABASE: options.pg.database,
    PG_USER: options.pg.user,
    PG_PASSWORD: options.pg.password,
    ...options.env,
  });
  if (rendered.code !== 0) throw new Error(`render-config.sh failed (${rendered.code}):\n${rendered.stderr.join("\n")}`);

  const prefix = installPrefix(options.asteriskBin);
  const dataDir = path.join(prefix, "var/lib/asterisk");
  const directories = {
    astetcdir: etcDir,
    astmoddir: process.env.ASTERISK_MODULES_DIR || path.join(prefix, "lib/asterisk/modules"),
    ...dirs,
    // Sounds, rest-api docs and firmware come from the install when it has them.
    astdatadir: existsSync(dataDir) ? dataDir : dirs.astvarlibdir,
  };
  const asteriskConf = path.join(etcDir, "asterisk.conf");
  await writeFile(
    asteriskConf,
    [
      "; Lane only: every directory inside this run's folder, so runs never share state.",
      "[directories]",
      ...Object.entries(directories).map(([key, value]) => `${key} => ${value}`),
      "",
      "[options]",
      "nocolor = yes",
      "verbose = 3",
      "",
    ].join("\n"),
  );
  await writeFile(
    path.join(etcDir, "logger.conf"),
    ["; Lane only.", "[general]", "dateformat = %F %T.%3q", "", "[logfiles]", "messages.log => notice,warning,error,verbose", "console => notice,warning,error,verbose", ""].join("\n"),
  );

  return {
    etcDir,
    asteriskConf,
    logDir: dirs.astlogdir,
    spoolDir: dirs.astspooldir,
    ports,
    ari: { url: `http://127.0.0.1:${ports.http}/ari`, ...options.ari },
    renderWarnings: rendered.stderr,
  };
}
