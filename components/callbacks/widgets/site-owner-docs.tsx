import { Card } from "@/components/ui/card";
import { widgetSnippetWithCaptcha, WIDGET_SCRIPT_PATH } from "./widget-snippet";

const code = "rounded bg-gray-100 px-1 py-0.5 font-mono text-[0.8125rem] text-gray-900";

/**
 * The site owner's manual, beside the snippet: what each option does, what visitors see, the
 * public endpoints the script calls (so a site with a strict Content-Security-Policy can allow
 * them), and how the optional CAPTCHA works.
 */
export function SiteOwnerDocs({ scriptOrigin, widgetId }: { scriptOrigin: string; widgetId: string }) {
  const api = `${scriptOrigin.replace(/\/+$/, "")}/api/widget/v1`;
  return (
    <Card title="How it works">
      <div className="max-w-3xl space-y-5 text-sm text-gray-800">
        <section aria-labelledby="docs-visitors" className="space-y-1.5">
          <h3 id="docs-visitors" className="font-semibold text-gray-900">What visitors see</h3>
          <p>
            A button in the corner of the page. It opens a small dialog with your title and introduction and asks for their phone number. When they send it,
            we call them (or you, first, if you chose so) and connect the two; the dialog shows how the call is going in words (calling you, connected, or why it failed).
            Outside opening hours they see your closed message, or the request is taken for later, as you chose. The dialog works with the keyboard alone and with screen readers.
          </p>
        </section>

        <section aria-labelledby="docs-options" className="space-y-1.5">
          <h3 id="docs-options" className="font-semibold text-gray-900">The options</h3>
          <dl className="space-y-2">
            <div><dt className="font-medium text-gray-900">Destination</dt><dd>Who takes the call in the company: an extension, a hunt group, an IVR menu or a call queue.</dd></div>
            <div><dt className="font-medium text-gray-900">Who is called first</dt><dd>The visitor first (they hear ringing while we connect them), or your side first, so nobody picks up a call to an empty line; then only an extension or a hunt group can take it.</dd></div>
            <div><dt className="font-medium text-gray-900">Websites</dt><dd>Only pages on these exact origins can use the widget; a request from anywhere else is refused and shows in the callback refusals.</dd></div>
            <div><dt className="font-medium text-gray-900">Opening hours</dt><dd>When requests are taken, in the company’s time zone, and what happens outside them: show the closed message, call back at the next opening, or connect to another destination.</dd></div>
            <div><dt className="font-medium text-gray-900">Words and colours</dt><dd>The dialog’s texts and its accent colour. The text on the accent colour must have a contrast of at least 4.5:1, so everybody can read the button.</dd></div>
            <div><dt className="font-medium text-gray-900">Switched on</dt><dd>Switch a widget off to hide it on every page at once without removing the snippet.</dd></div>
          </dl>
        </section>

        <section aria-labelledby="docs-protection" className="space-y-1.5">
          <h3 id="docs-protection" className="font-semibold text-gray-900">Protection against abuse</h3>
          <p>
            Every request is checked before anything is dialled: the page’s origin, limits per visitor address, per phone number and per widget, the countries and number types your
            provider allows (no premium-rate numbers), how many callbacks may run at once and what they may cost per day. A hidden field that people never fill in catches simple bots.
            Refused requests are never dialled and are listed for you with the reason.
          </p>
        </section>

        <section aria-labelledby="docs-captcha" className="space-y-1.5">
          <h3 id="docs-captcha" className="font-semibold text-gray-900">CAPTCHA (optional)</h3>
          <p>
            A widget that requires a CAPTCHA asks your page for a token before each request. Add <code className={code}>data-captcha</code> with the name of a function on your page
            that returns a promise of the token from your CAPTCHA provider (reCAPTCHA, hCaptcha and Turnstile all work):
          </p>
          <pre className="rounded-md bg-gray-900 p-3 text-[0.8125rem] break-all whitespace-pre-wrap text-gray-50"><code>{`${widgetSnippetWithCaptcha(scriptOrigin, widgetId)}
<script>
  function getCaptchaToken() {
    return new Promise((resolve) => grecaptcha.ready(() => grecaptcha.execute("your-site-key", { action: "callback" }).then(resolve)));
  }
</script>`}</code></pre>
          <p>
            The widget sends the token with the request, and the portal checks it with your provider’s verify service (the portal’s <code className={code}>CAPTCHA_VERIFY_URL</code>)
            before anything is dialled. No token, or one the provider refuses, and the request is refused.
          </p>
        </section>

        <section aria-labelledby="docs-endpoints" className="space-y-1.5">
          <h3 id="docs-endpoints" className="font-semibold text-gray-900">What the script loads</h3>
          <p>The script talks only to this portal. If your site sets a Content-Security-Policy, allow <code className={code}>{scriptOrigin}</code> in <code className={code}>script-src</code> and <code className={code}>connect-src</code>.</p>
          <ul className="list-disc space-y-1 pl-5">
            <li><code className={code}>GET {scriptOrigin}{WIDGET_SCRIPT_PATH}</code>: the script itself.</li>
            <li><code className={code}>GET {api}/widgets/{"{id}"}</code>: the widget’s texts, colours and whether it is open now; answered only to the allowed websites.</li>
            <li><code className={code}>POST {api}/widgets/{"{id}"}/callbacks</code>: a visitor’s request, JSON <code className={code}>{`{ "number", "website", "captchaToken" }`}</code> (website is the hidden trap field). Answers 201 with the request’s id and a status token, or an error <code className={code}>{`{ "error": { "code", "message" } }`}</code>: 403 for another website, 422 for a number that cannot be called, 429 with Retry-After when limits are reached.</li>
            <li><code className={code}>GET {api}/callbacks/{"{id}"}</code> with <code className={code}>Authorization: Bearer</code> and the status token: how the call is going.</li>
          </ul>
        </section>
      </div>
    </Card>
  );
}
