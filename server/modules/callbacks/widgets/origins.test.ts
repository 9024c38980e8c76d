import { describe, expect, it } from "vitest";
import { normaliseOrigin } from "./origins";

const accepted = (raw: string) => {
  const r = normaliseOrigin(raw);
  if (!r.ok) throw new Error(`${raw} refused: ${r.message}`);
  return r.origin;
};
const refused = (raw: string) => {
  const r = normaliseOrigin(raw);
  if (r.ok) throw new Error(`${raw} accepted as ${r.origin}`);
  return r.message;
};

describe("normaliseOrigin", () => {
  it("spells origins as browsers send them in the Origin header", () => {
    for (const raw of ["https://www.acme.example", "HTTPS://WWW.Acme.Example", "https://www.acme.example/", "https://www.acme.example:443", " https://www.acme.example "]) {
      expect(accepted(raw)).toBe("https://www.acme.example");
      // The intake compares with URL's own spelling: the two must agree.
      expect(new URL(accepted(raw)).origin).toBe(accepted(raw));
    }
    expect(accepted("https://shop.acme.example:8443")).toBe("https://shop.acme.example:8443");
    expect(accepted("https://xn--bcher-kva.example")).toBe("https://xn--bcher-kva.example");
    expect(accepted("http://localhost:3000")).toBe("http://localhost:3000");
    expect(accepted("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(accepted("http://localhost:80")).toBe("http://localhost");
    expect(accepted("https://192.0.2.10")).toBe("https://192.0.2.10");
  });

  it("refuses paths, queries, fragments and user names", () => {
    expect(refused("https://www.acme.example/contact")).toMatch(/without a path/);
    expect(refused("https://www.acme.example//")).toMatch(/without a path/);
    expect(refused("https://www.acme.example?x=1")).toMatch(/without a path/);
    expect(refused("https://www.acme.example#top")).toMatch(/without a path/);
    expect(refused("https://www.acme.example\\evil")).toMatch(/without a path/);
    expect(refused("https://user:pw@www.acme.example")).toMatch(/user name/);
    expect(refused("https://evil.example@www.acme.example")).toMatch(/user name/);
  });

  it("refuses wildcards, other schemes and plain http beyond localhost", () => {
    expect(refused("https://*.acme.example")).toMatch(/Wildcards/);
    expect(refused("*")).toMatch(/https:\/\//);
    expect(refused("javascript:alert(1)")).toMatch(/Start with https/);
    expect(refused("javascript://alert(1)")).toMatch(/Only https/);
    expect(refused("data://text/html,hi")).toMatch(/Only https/);
    expect(refused("ftp://files.acme.example")).toMatch(/Only https/);
    expect(refused("www.acme.example")).toMatch(/Start with https/);
    expect(refused("http://www.acme.example")).toMatch(/plain http/);
    expect(refused("http://localhost.evil.example")).toMatch(/plain http/);
  });

  it("refuses unicode hosts, look-alikes and malformed hosts and ports", () => {
    expect(refused("https://bücher.example")).toMatch(/punycode/);
    expect(refused("https://аcme.example")).toMatch(/punycode/); // Cyrillic а
    expect(refused("https://acme\u200b.example")).toMatch(/punycode/);
    expect(refused("https://acme.example\u0000")).toMatch(/punycode/);
    expect(refused("https://")).toMatch(/host name/);
    expect(refused("https://intranet")).toMatch(/full host name/);
    expect(refused("https://-acme.example")).toMatch(/letters, digits/);
    expect(refused("https://acme_site.example")).toMatch(/letters, digits/);
    expect(refused("https://acme..example")).toMatch(/letters, digits/);
    expect(refused("https://999.1.1.1")).toMatch(/not a valid host/);
    expect(refused("https://[::1]")).toMatch(/IPv6/);
    expect(refused("https://acme.example:0")).toMatch(/port/);
    expect(refused("https://acme.example:65536")).toMatch(/port/);
    expect(refused("https://acme.example:80:80")).toMatch(/port/);
    expect(refused(`https://${"a".repeat(64)}.example`)).toMatch(/letters, digits/);
    expect(refused(`https://${"a".repeat(300)}.example`)).toMatch(/at most/);
  });
});
