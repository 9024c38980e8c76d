import { describe, expect, it } from "vitest";
import { widgetSnippet, widgetSnippetWithCaptcha } from "./widget-snippet";

describe("widgetSnippet", () => {
  it("is exactly one script tag pointing at the portal's script", () => {
    expect(widgetSnippet("https://portal.example", "clx1abc")).toBe('<script src="https://portal.example/callback-widget/v1.js" data-widget="clx1abc" async></script>');
    expect(widgetSnippet("https://portal.example/", "clx1abc")).toBe('<script src="https://portal.example/callback-widget/v1.js" data-widget="clx1abc" async></script>');
  });

  it("cannot be broken out of by what it quotes", () => {
    expect(widgetSnippet("https://p.example", '"><img src=x onerror=alert(1)>')).toBe(
      '<script src="https://p.example/callback-widget/v1.js" data-widget="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" async></script>',
    );
  });

  it("names the page's CAPTCHA function when asked", () => {
    expect(widgetSnippetWithCaptcha("https://portal.example", "clx1abc")).toBe(
      '<script src="https://portal.example/callback-widget/v1.js" data-widget="clx1abc" data-captcha="getCaptchaToken" async></script>',
    );
  });
});
