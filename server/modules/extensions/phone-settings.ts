/**
 * The settings a phone needs for one SIP account, in the three forms the credentials dialog
 * offers: labelled rows, a plain-text block ("Copy all") and a QR payload. Pure, so the
 * browser builds the QR code from exactly the values it shows.
 *
 * QR payload: a SIP URI as RFC 3261 section 19.1.1 defines it, with the password in the
 * userinfo: `sip:user:password@host:port;transport=udp`. It is the one vendor-neutral text
 * that carries all five settings; the vendors' QR formats (Acrobits `csc:`, SessionTalk
 * `scloc:`, Linphone's provisioning URL) each need an app or provider id registered with
 * that vendor, or a provisioning server. Softphones that import a SIP URI take it whole, and
 * any other scanner shows it as readable text.
 */

export type SipTransport = "udp" | "tcp" | "tls";

/** Where phones register, as configured (server/sip-env.js). */
export type SipServerSettings = {
  host: string;
  port: number;
  /** The account's transport: the first of SIP_TRANSPORTS. */
  transport: SipTransport;
  /** Further transports the server accepts, with their ports; not part of the account. */
  alsoAccepted: Array<{ transport: SipTransport; port: number }>;
  /** True while the ARI simulator stands in for Asterisk: no real phone can register. */
  isDemo: boolean;
};

export type PhoneSettings = { username: string; password: string; server: SipServerSettings };

export type SettingRow = { label: string; value: string; isSecret?: boolean };

export const transportLabel = (transport: SipTransport) => transport.toUpperCase();

/** Username, Password, SIP server, Port, Transport: what the dialog lists, in that order. */
export function settingRows({ username, password, server }: PhoneSettings): SettingRow[] {
  return [
    { label: "Username", value: username },
    { label: "Password", value: password, isSecret: true },
    { label: "SIP server", value: server.host },
    { label: "Port", value: String(server.port) },
    { label: "Transport", value: transportLabel(server.transport) },
  ];
}

/** One "Label: value" line per setting, for pasting into a phone's web page or a note. */
export const settingsText = (settings: PhoneSettings) => settingRows(settings).map((row) => `${row.label}: ${row.value}`).join("\n");

/**
 * The QR payload. encodeURIComponent leaves only unreserved characters bare, which RFC 3261
 * allows in both user and password; `@`, `:` and `;` in a value come out escaped.
 */
export function sipAccountUri({ username, password, server }: PhoneSettings): string {
  return `sip:${encodeURIComponent(username)}:${encodeURIComponent(password)}@${server.host}:${server.port};transport=${server.transport}`;
}
