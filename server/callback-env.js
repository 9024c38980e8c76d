/**
 * Web-callback settings of the web app (issue 14): the optional CAPTCHA check and the switch
 * that lets a benchmark measure the intake without its rate limits. JavaScript because
 * next.config.js imports env.js, which spreads this in.
 */
import { z } from "zod";

export const CALLBACK_ENV_SCHEMA = {
  /**
   * A siteverify endpoint (the protocol reCAPTCHA, hCaptcha and Turnstile share: POST
   * secret, response, remoteip; JSON { success }). Absent: widgets cannot require a CAPTCHA.
   */
  CAPTCHA_VERIFY_URL: z.url().optional(),
  CAPTCHA_SECRET: z.string().min(1).optional(),
  /**
   * `off` only for benchmarks and load tests: the callback rate limits are not counted (every
   * other check still runs). The intake warns in the log whenever it runs with them off.
   */
  CALLBACK_RATE_LIMITS: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
};

/**
 * A CAPTCHA URL without its secret (or the reverse) would refuse every visitor: it stops the start.
 * @param {{ CAPTCHA_VERIFY_URL?: string; CAPTCHA_SECRET?: string }} vars
 * @param {z.RefinementCtx} ctx
 */
export function checkCallbackSettings(vars, ctx) {
  if ((vars.CAPTCHA_VERIFY_URL === undefined) !== (vars.CAPTCHA_SECRET === undefined)) {
    ctx.addIssue({ code: "custom", path: ["CAPTCHA_SECRET"], message: "CAPTCHA_VERIFY_URL and CAPTCHA_SECRET must be set together" });
  }
}
