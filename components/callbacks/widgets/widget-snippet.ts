/**
 * The one tag a site owner pastes into their pages. Its shape is the contract with the widget
 * script (public/callback-widget/v1.js reads `data-widget` from its own tag and talks to the
 * origin it was loaded from), so it is built in exactly one place. Pure and browser-safe.
 */

/** Characters that would end the attribute or the tag if an id or origin ever held them. */
const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const WIDGET_SCRIPT_PATH = "/callback-widget/v1.js";

export function widgetSnippet(scriptOrigin: string, widgetId: string): string {
  const src = `${scriptOrigin.replace(/\/+$/, "")}${WIDGET_SCRIPT_PATH}`;
  return `<script src="${escapeAttribute(src)}" data-widget="${escapeAttribute(widgetId)}" async></script>`;
}

/** The same tag naming the page's CAPTCHA function, for widgets that require one. */
export function widgetSnippetWithCaptcha(scriptOrigin: string, widgetId: string, functionName = "getCaptchaToken"): string {
  return widgetSnippet(scriptOrigin, widgetId).replace(" async>", ` data-captcha="${escapeAttribute(functionName)}" async>`);
}
