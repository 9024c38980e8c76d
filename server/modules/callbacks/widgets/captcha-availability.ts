/**
 * Whether widgets may require a CAPTCHA: only when the server can verify one (both
 * CAPTCHA_VERIFY_URL and CAPTCHA_SECRET are set; server/callback-env.js refuses one without the
 * other). A widget that required one without them would refuse every visitor.
 */
import { env } from "../../../env.js";

export const isCaptchaAvailable = () => env.CAPTCHA_VERIFY_URL !== undefined && env.CAPTCHA_SECRET !== undefined;

/** Where the widget script is served from: the portal's public URL (APP_URL), without a trailing slash. */
export const widgetScriptOrigin = () => env.APP_URL.replace(/\/+$/, "");
