/**
 * The optional CAPTCHA check of widget requests: the siteverify protocol that reCAPTCHA,
 * hCaptcha and Cloudflare Turnstile share (form POST of secret, response and remoteip; JSON
 * answer with `success`). Anything but a clear yes refuses: an error, a timeout or a
 * malformed answer must not let a bot through (fail closed).
 */
export interface CaptchaSettings {
  verifyUrl: string;
  secret: string;
  /** Default 5 s: a visitor waits for this, so it cannot be long. */
  timeoutMs?: number;
}

export type CaptchaVerdict = { ok: true } | { ok: false; isUnavailable: boolean; detail: string };

const MAX_TOKEN_LENGTH = 4096;

export async function verifyCaptcha(settings: CaptchaSettings, token: string | null, clientIp: string): Promise<CaptchaVerdict> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return { ok: false, isUnavailable: false, detail: "no CAPTCHA answer" };
  const body = new URLSearchParams({ secret: settings.secret, response: token, remoteip: clientIp });
  let answer: unknown;
  try {
    const response = await fetch(settings.verifyUrl, {
      method: "POST",
      body,
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(settings.timeoutMs ?? 5000),
      redirect: "error",
    });
    if (!response.ok) return { ok: false, isUnavailable: true, detail: `the CAPTCHA service answered ${response.status}` };
    answer = await response.json();
  } catch (err) {
    return { ok: false, isUnavailable: true, detail: `the CAPTCHA service could not be reached (${err instanceof Error ? err.name : "error"})` };
  }
  const isSuccess = typeof answer === "object" && answer !== null && (answer as { success?: unknown }).success === true;
  return isSuccess ? { ok: true } : { ok: false, isUnavailable: false, detail: "the CAPTCHA service refused the answer" };
}
