import { describe, expect, it } from "vitest";
import { NEW_WIDGET_DEFAULTS, ZCreateCallbackWidgetInput } from "./schema";

const destination = { kind: "huntGroup", huntGroupId: "clhuntgroup0000000000000" } as const;
const messages = (value: unknown) => {
  const r = ZCreateCallbackWidgetInput.safeParse(value);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("ZCreateCallbackWidgetInput", () => {
  it("accepts the new form's defaults once a name, a website and a destination are given", () => {
    const parsed = ZCreateCallbackWidgetInput.parse({ ...NEW_WIDGET_DEFAULTS, name: "Site", allowedOrigins: ["https://WWW.Example.com/"], destination, accentColor: "#1D4ED8" });
    expect(parsed.allowedOrigins).toEqual(["https://www.example.com"]);
    expect(parsed.accentColor).toBe("#1d4ed8");
  });

  it("asks for a destination and a website when none was given", () => {
    expect(messages({ ...NEW_WIDGET_DEFAULTS, name: "Site", destination: null })).toMatchObject({
      destination: "Choose where calls go",
      "allowedOrigins.0": "Enter the site's origin, such as https://www.example.com",
    });
  });
});
