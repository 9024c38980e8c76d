/*!
 * "Call me now" callback widget, v1 (issue 14). Plain JavaScript for any page, no framework:
 *   <script src="https://portal.example/callback-widget/v1.js" data-widget="WIDGET_ID" async></script>
 * Optional data-captcha="fnName": a function on the page returning Promise<string> (a CAPTCHA token).
 * Everything renders in a shadow root, so the page's styles and the widget's never mix.
 * Texts from the server are set as text, never as HTML. Documented in docs/callbacks.md.
 */
/**
 * Checked by the project's type check (JSDoc), shipped as written.
 * @typedef {{ title: string; introText: string; buttonLabel: string; closedText: string; successText: string;
 *   accentColor: string; accentTextColor: string; requireCaptcha: boolean; acceptsRequests: boolean; placedAt: string | null }} Config
 * @typedef {{ state: string; message: string }} Status
 * @typedef {{ id: string; token: string; until: number; timer: number }} Poll
 * @typedef {{ res: Response; body: any }} Answer
 */
(function () {
  "use strict";
  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript || document.querySelector('script[src*="/callback-widget/v1.js"][data-widget]'));
  if (!script) return;
  var widgetId = script.getAttribute("data-widget") || "";
  var captchaName = script.getAttribute("data-captcha");
  var api = new URL(script.src, location.href).origin + "/api/widget/v1";
  var POLL_MS = 2000;
  var POLL_FOR_MS = 5 * 60 * 1000;
  /** @param {string} state */
  var isFinal = function (state) { return state === "COMPLETED" || state === "FAILED"; };

  var CSS =
    ":host{all:initial}" +
    "*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.4}" +
    ".launch{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:999px;padding:12px 20px;font-size:16px;font-weight:600;cursor:pointer;background:var(--a);color:var(--t);box-shadow:0 4px 14px rgba(0,0,0,.25)}" +
    "button:focus-visible,input:focus-visible{outline:3px solid #111827;outline-offset:2px;box-shadow:0 0 0 5px #fff}" +
    "dialog{border:0;border-radius:12px;padding:0;width:min(380px,calc(100vw - 24px));max-height:calc(100vh - 24px);overflow:auto;background:#fff;color:#1f2937;box-shadow:0 10px 40px rgba(0,0,0,.35)}" +
    "dialog::backdrop{background:rgba(17,24,39,.45)}" +
    "header{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:14px 16px;background:var(--a);color:var(--t)}" +
    "h2{margin:0;font-size:18px}" +
    ".x{background:transparent;color:inherit;border:0;font-size:22px;line-height:1;padding:4px 8px;border-radius:6px;cursor:pointer}" +
    ".body{padding:16px}" +
    "p{margin:0 0 12px;font-size:15px}" +
    "label{display:block;font-weight:600;font-size:15px;margin-bottom:4px}" +
    "input{width:100%;font-size:16px;padding:10px;border:1px solid #6b7280;border-radius:8px;color:#111827;background:#fff}" +
    "input[aria-invalid=true]{border-color:#b91c1c}" +
    ".hint{font-size:13px;color:#4b5563;margin:4px 0 0}" +
    ".err{color:#b91c1c;font-size:14px;margin:8px 0 0}" +
    ".go{margin-top:14px;width:100%;border:0;border-radius:8px;padding:11px;font-size:16px;font-weight:600;cursor:pointer;background:var(--a);color:var(--t)}" +
    ".go[disabled]{opacity:.6;cursor:progress}" +
    ".status{font-weight:600;margin-top:12px}" +
    ".hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}" +
    "[hidden]{display:none!important}" +
    "@media (prefers-reduced-motion:no-preference){.launch{transition:transform .15s}.launch:hover{transform:translateY(-2px)}}";

  /**
   * A tiny element builder: attributes as given, children as nodes or text (never HTML).
   * @param {string} tag @param {Record<string, string> | null} [attrs] @param {(Node | string)[]} [kids]
   * @returns {any}
   */
  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    var given = attrs || {};
    for (var k in given) el.setAttribute(k, String(given[k]));
    (kids || []).forEach(function (kid) {
      el.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid);
    });
    return el;
  }

  /** @param {string} url @param {RequestInit} [init] @returns {Promise<Answer>} */
  function getJson(url, init) {
    return fetch(url, Object.assign({ mode: "cors", credentials: "omit", cache: "no-store" }, init)).then(function (res) {
      return res.json().then(
        function (body) { return { res: res, body: body }; },
        function () { return { res: res, body: null }; }
      );
    });
  }

  /** @param {() => void} fn */
  function ready(fn) {
    if (document.body) fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  if (!/^[a-z0-9]{20,40}$/.test(widgetId)) {
    console.warn("callback widget: data-widget is missing or not a widget id");
    return;
  }
  fetch(api + "/widgets/" + widgetId, { mode: "cors", credentials: "omit" })
    .then(function (res) {
      if (!res.ok) throw new Error("HTTP " + res.status);
      return res.json();
    })
    .then(function (config) { ready(function () { render(config); }); })
    .catch(function (err) {
      // Not allowed on this site, switched off or unreachable: show nothing rather than a broken button.
      console.warn("callback widget: not shown (" + err.message + ")");
    });

  /** @param {Config} config */
  function render(config) {
    var host = h("div", { "data-callback-widget": widgetId });
    var root = host.attachShadow({ mode: "open" });
    root.appendChild(h("style", {}, [CSS]));
    host.style.setProperty("--a", config.accentColor);
    host.style.setProperty("--t", config.accentTextColor);

    var launch = h("button", { type: "button", class: "launch", "aria-haspopup": "dialog", "aria-expanded": "false" }, [config.buttonLabel]);
    var close = h("button", { type: "button", class: "x", "aria-label": "Close" }, ["\u00d7"]);
    var status = h("p", { class: "status", role: "status", "aria-live": "polite" });
    var dialog = h("dialog", { "aria-labelledby": "cbw-title" }, [
      h("header", {}, [h("h2", { id: "cbw-title" }, [config.title]), close]),
    ]);
    var body = h("div", { class: "body" });
    dialog.appendChild(body);
    root.appendChild(launch);
    root.appendChild(dialog);
    document.body.appendChild(host);

    /** @type {Poll | null} */
    var poll = null;
    function stopPolling() {
      if (poll) clearTimeout(poll.timer);
      poll = null;
    }

    function focusables() {
      return Array.prototype.filter.call(dialog.querySelectorAll("button,input:not([tabindex='-1'])"), function (el) {
        return !el.disabled && !el.closest("[hidden]") && el.getClientRects().length > 0;
      });
    }
    // The modal dialog already makes the page inert; keeping Tab inside also skips the browser's UI.
    dialog.addEventListener("keydown", /** @param {KeyboardEvent} e */ function (e) {
      if (e.key !== "Tab") return;
      var list = focusables();
      if (!list.length) return;
      var first = list[0], last = list[list.length - 1], active = root.activeElement;
      if (e.shiftKey && (active === first || !dialog.contains(active))) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && active === last) { e.preventDefault(); first.focus(); }
    });
    // Escape closes a modal <dialog> by itself ("cancel", then "close").
    dialog.addEventListener("close", function () {
      stopPolling();
      launch.setAttribute("aria-expanded", "false");
      launch.focus();
    });
    close.addEventListener("click", function () { dialog.close(); });
    launch.addEventListener("click", function () {
      showStart();
      dialog.showModal();
      launch.setAttribute("aria-expanded", "true");
      var first = dialog.querySelector("input:not([tabindex='-1'])") || close;
      first.focus();
    });

    function showStart() {
      stopPolling();
      body.textContent = "";
      status.textContent = "";
      if (!config.acceptsRequests) {
        body.appendChild(h("p", {}, [config.closedText]));
        body.appendChild(status);
        return;
      }
      body.appendChild(h("p", {}, [config.introText]));
      if (config.placedAt) {
        var when = new Date(config.placedAt).toLocaleString(undefined, { weekday: "long", hour: "2-digit", minute: "2-digit" });
        body.appendChild(h("p", {}, ["We are closed right now: we will call you when we open (" + when + ")."]));
      }
      body.appendChild(form());
      body.appendChild(status);
    }

    function form() {
      var input = h("input", { id: "cbw-number", name: "number", type: "tel", autocomplete: "tel", inputmode: "tel", required: "", maxlength: "32", "aria-describedby": "cbw-hint cbw-err" });
      var err = h("p", { id: "cbw-err", class: "err" });
      var honeypot = h("input", { id: "cbw-website", name: "website", type: "text", tabindex: "-1", autocomplete: "off" });
      var go = h("button", { type: "submit", class: "go" }, ["Call me"]);
      var el = h("form", { novalidate: "" }, [
        h("label", { for: "cbw-number" }, ["Your phone number"]),
        input,
        h("p", { id: "cbw-hint", class: "hint" }, ["With the country code if you are abroad, e.g. +44 20 7946 0000"]),
        err,
        // People never see this field; bots that fill every field give themselves away.
        h("div", { class: "hp", "aria-hidden": "true" }, [h("label", { for: "cbw-website" }, ["Website"]), honeypot]),
        go,
      ]);
      el.addEventListener("submit", /** @param {Event} e */ function (e) {
        e.preventDefault();
        var number = input.value.trim();
        var problem = !number ? "Enter your phone number." : !/^\+?[0-9][0-9 ().-]{4,24}$/.test(number) ? "Use digits only, optionally starting with +." : "";
        err.textContent = problem;
        input.setAttribute("aria-invalid", problem ? "true" : "false");
        if (problem) { input.focus(); return; }
        go.disabled = true;
        status.textContent = "Sending your request\u2026";
        captcha()
          .then(function (token) {
            return getJson(api + "/widgets/" + widgetId + "/callbacks", {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ number: number, website: honeypot.value, captchaToken: token }),
            });
          })
          .then(function (r) {
            if (r.res.status === 201 && r.body) { accepted(r.body); return; }
            go.disabled = false;
            status.textContent = refusalWords(r.res, r.body);
          })
          .catch(function (e2) {
            go.disabled = false;
            status.textContent = e2 && e2.isCaptcha ? e2.message : "Your request could not be sent. Check your connection and try again.";
          });
      });
      return el;
    }

    function captcha() {
      if (!config.requireCaptcha) return Promise.resolve(null);
      var fn = captchaName && /** @type {any} */ (window)[captchaName];
      if (typeof fn !== "function") return Promise.reject({ isCaptcha: true, message: "This form needs a robot check that this page does not provide." });
      return Promise.resolve(fn()).catch(function () {
        throw { isCaptcha: true, message: "Please complete the check that you are not a robot." };
      });
    }

    /** @param {Response} res @param {any} body */
    function refusalWords(res, body) {
      var error = (body && body.error) || {};
      if (res.status === 429) {
        var wait = Number(res.headers.get("Retry-After"));
        return (error.message || "Too many requests.") + (wait > 0 ? " Please try again in " + humanWait(wait) + "." : "");
      }
      if (res.status === 503) return "The service is busy right now. Please try again in a minute.";
      return error.message || "Your request could not be taken. Please try again later.";
    }

    /** @param {number} sec */
    function humanWait(sec) {
      return sec < 90 ? sec + " seconds" : Math.round(sec / 60) + " minutes";
    }

    /** @param {{ id: string; statusToken: string; status: Status }} result */
    function accepted(result) {
      body.textContent = "";
      body.appendChild(h("p", {}, [config.successText]));
      body.appendChild(status);
      status.textContent = result.status.message;
      if (isFinal(result.status.state)) return;
      poll = { id: result.id, token: result.statusToken, until: Date.now() + POLL_FOR_MS, timer: 0 };
      schedule(poll);
    }

    /** @param {Poll} p */
    function schedule(p) {
      p.timer = window.setTimeout(function () {
        if (poll !== p) return;
        if (Date.now() > p.until) {
          status.textContent += " (Status updates have stopped; we will still call you.)";
          stopPolling();
          return;
        }
        getJson(api + "/callbacks/" + p.id, { headers: { Authorization: "Bearer " + p.token } })
          .then(function (r) {
            if (poll !== p) return;
            if (r.res.ok && r.body) {
              if (status.textContent !== r.body.message) status.textContent = r.body.message;
              if (isFinal(r.body.state)) { stopPolling(); return; }
            }
            schedule(p);
          })
          .catch(function () { if (poll === p) schedule(p); });
      }, POLL_MS);
    }
  }
})();
