import { describe, expect, it } from "vitest";
import { settingRows, settingsText, sipAccountUri, type PhoneSettings } from "./phone-settings";

const SETTINGS: PhoneSettings = {
  username: "demo-210-abc123",
  password: "s3cr3t_Value-xyz",
  server: { host: "sip.example.com", port: 5060, transport: "udp", alsoAccepted: [{ transport: "tcp", port: 5060 }], isDemo: false },
};

describe("[EXTENSIONS] phone settings", () => {
  it("lists the five settings a phone needs, in order, the password marked secret", () => {
    expect(settingRows(SETTINGS)).toEqual([
      { label: "Username", value: "demo-210-abc123" },
      { label: "Password", value: "s3cr3t_Value-xyz", isSecret: true },
      { label: "SIP server", value: "sip.example.com" },
      { label: "Port", value: "5060" },
      { label: "Transport", value: "UDP" },
    ]);
  });

  it("copies all as one 'Label: value' line per setting", () => {
    expect(settingsText(SETTINGS)).toBe(
      ["Username: demo-210-abc123", "Password: s3cr3t_Value-xyz", "SIP server: sip.example.com", "Port: 5060", "Transport: UDP"].join("\n"),
    );
  });

  it("encodes the account as an RFC 3261 SIP URI with the same values", () => {
    expect(sipAccountUri(SETTINGS)).toBe("sip:demo-210-abc123:s3cr3t_Value-xyz@sip.example.com:5060;transport=udp");
    const tls = { ...SETTINGS, server: { ...SETTINGS.server, port: 5061, transport: "tls" as const } };
    expect(sipAccountUri(tls)).toBe("sip:demo-210-abc123:s3cr3t_Value-xyz@sip.example.com:5061;transport=tls");
  });

  it("escapes characters that would end the user or password part", () => {
    const odd = { ...SETTINGS, username: "a@b", password: "p:w;d@x/y" };
    const uri = sipAccountUri(odd);
    expect(uri).toBe("sip:a%40b:p%3Aw%3Bd%40x%2Fy@sip.example.com:5060;transport=udp");
    // Reading it back the way a scanner would gives the shown values again.
    const [, user, password] = /^sip:([^:@]+):([^@]+)@/.exec(uri)!;
    expect([decodeURIComponent(user!), decodeURIComponent(password!)]).toEqual(["a@b", "p:w;d@x/y"]);
  });
});
