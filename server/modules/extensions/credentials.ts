/**
 * SIP secrets: generated here, hashed at once, returned to the caller exactly once. Only
 * md5(username:realm:secret) is stored (PJSIP md5_cred), so nobody can read a secret back,
 * not even an administrator; losing it means regenerating it.
 */
import { randomBytes } from "node:crypto";
import { env } from "../../env.js";
import { AppError } from "../../errors";
import type { TenantScope } from "../../tenancy";
import type { SipServerSettings, SipTransport } from "./phone-settings";
import { notifySipAccountsChanged } from "../../telephony/dialplan/notify";
import { sipAuthMd5 } from "../billing/sip-credentials";
import { recordAudit, type Actor } from "../audit/service";

/** 24 random bytes as base64url: 32 characters, 192 bits, safe to paste into any phone. */
export const newSipSecret = () => randomBytes(24).toString("base64url");

/**
 * Where phones register, as configured. Without SIP_DOMAIN (only allowed while the simulator
 * runs, server/sip-env.js) the portal's own host name stands in, flagged as demo settings.
 */
export function sipServerSettings(): SipServerSettings {
  const [transport = "udp", ...others] = env.SIP_TRANSPORTS;
  const portOf = (t: SipTransport) => (t === "tls" ? env.SIP_TLS_PORT : env.SIP_PORT);
  return {
    host: env.SIP_DOMAIN ?? new URL(env.APP_URL).hostname,
    port: portOf(transport),
    transport,
    alsoAccepted: others.map((t) => ({ transport: t, port: portOf(t) })),
    isDemo: !env.ARI_URL,
  };
}

/** A new secret and everything a phone needs with it; `realm` is what the hash was made with. */
export type SipCredentials = { username: string; secret: string; realm: string; server: SipServerSettings };

type Tx = Parameters<Parameters<TenantScope["db"]["$transaction"]>[0]>[0];

/**
 * Gives the account a fresh secret inside the caller's transaction and asks the worker to
 * push it to Asterisk. Phones with the old secret fail their next registration.
 */
export async function rotateSecret(tx: Tx, account: { id: string; username: string; realm: string }): Promise<SipCredentials> {
  const secret = newSipSecret();
  await tx.sipAccount.update({ where: { id: account.id }, data: { authMd5: sipAuthMd5(account.username, account.realm, secret) } });
  await notifySipAccountsChanged(tx, account.id);
  return { username: account.username, secret, realm: account.realm, server: sipServerSettings() };
}

/** New credentials for an extension's line; the result is the only time the secret is seen. */
export async function regenerateCredentials({ db, tenantId }: TenantScope, actor: Actor, extensionId: string): Promise<SipCredentials> {
  return db.$transaction(async (tx) => {
    const extension = await tx.extension.findUnique({
      where: { id: extensionId },
      select: { id: true, number: true, sipAccount: { select: { id: true, username: true, realm: true } } },
    });
    if (!extension) throw new AppError("NOT_FOUND", "That extension does not exist.");
    if (!extension.sipAccount) throw new AppError("INVALID", "This extension has no SIP account to give new credentials.");
    const credentials = await rotateSecret(tx, extension.sipAccount);
    await recordAudit(tx, actor, {
      action: "extension.regenerateCredentials", entityType: "Extension", entityId: extension.id, tenantId,
      details: { number: extension.number, username: extension.sipAccount.username }, // never the secret
    });
    return credentials;
  });
}
