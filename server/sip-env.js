/**
 * The SIP settings the portal shows phones, kept consistent with what asterisk/pjsip.conf
 * renders (asterisk/render-config.sh): UDP and TCP on SIP_PORT, TLS on SIP_TLS_PORT. Part of
 * server/env.js; JavaScript for the same reason (next.config.js imports it).
 */
import { z } from "zod";

export const SIP_TRANSPORT_NAMES = /** @type {const} */ (["udp", "tcp", "tls"]);
const PORT_RANGE = "must be a whole number from 1 to 65535";
const sipPort = () => z.coerce.number({ error: PORT_RANGE }).int(PORT_RANGE).min(1, PORT_RANGE).max(65535, PORT_RANGE);

/** "udp, tcp" -> ["udp", "tcp"]; each name once, udp first (see the refinement's message). */
const sipTransports = z
  .string()
  .transform((v) => v.split(",").map((name) => name.trim().toLowerCase()))
  .pipe(z.array(z.enum(SIP_TRANSPORT_NAMES, { error: "must be a comma-separated list of udp, tcp and tls" })))
  .refine((names) => new Set(names).size === names.length, "names a transport twice")
  // The worker provisions every phone with transport=transport-udp
  // (server/telephony/provisioning/pjsip-objects.ts), so Asterisk sends calls to phones over
  // UDP: the settings a phone is given must be UDP's.
  .refine((names) => names[0] === "udp", "must start with udp: the worker provisions phones on transport-udp");

export const SIP_ENV_SCHEMA = {
  /** Host name phones register to, shown with new SIP credentials. Empty: APP_URL's host name (demo only). */
  SIP_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, "must be a host name such as sip.example.com")
    .optional(),
  /** Asterisk's UDP and TCP port (render-config.sh SIP_PORT). */
  SIP_PORT: sipPort().default(5060),
  /** Asterisk's TLS port (render-config.sh SIP_TLS_PORT); shown only when SIP_TRANSPORTS has tls. */
  SIP_TLS_PORT: sipPort().default(5061),
  /** Transports phones may use; the first is the one their settings (and QR code) name. */
  SIP_TRANSPORTS: sipTransports.default(["udp"]),
  /**
   * The worker's ARI base URL. The web app never calls it; set, it means real phones register
   * with a real Asterisk, so SIP_DOMAIN becomes required in production. Empty: the simulator.
   */
  ARI_URL: z.url().optional(),
};

/**
 * Checks that need several variables at once, as issues on `ctx`.
 * @param {{ NODE_ENV: string; ARI_URL?: string; SIP_DOMAIN?: string; SIP_PORT: number; SIP_TLS_PORT: number; SIP_TRANSPORTS: string[] }} vars
 * @param {z.RefinementCtx} ctx
 */
export function checkSipSettings(vars, ctx) {
  if (vars.NODE_ENV === "production" && vars.ARI_URL && !vars.SIP_DOMAIN) {
    ctx.addIssue({
      code: "custom",
      path: ["SIP_DOMAIN"],
      message: "must be set in production when ARI_URL is (real phones): the host name phones register to, such as sip.example.com",
    });
  }
  // pjsip.conf binds TCP to SIP_PORT and TLS to SIP_TLS_PORT: one port cannot take both.
  if (vars.SIP_TRANSPORTS.includes("tls") && vars.SIP_TLS_PORT === vars.SIP_PORT) {
    ctx.addIssue({ code: "custom", path: ["SIP_TLS_PORT"], message: `must differ from SIP_PORT (${vars.SIP_PORT}): TCP and TLS cannot share a port` });
  }
}
