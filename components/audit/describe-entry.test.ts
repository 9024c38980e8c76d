import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, type AuditAction } from "@/server/modules/audit/actions";
import { describeEntry } from "./describe-entry";

/** Details as the services write them (see each recordAudit call). */
const SAMPLES: Record<AuditAction, [details: unknown, sentence: string]> = {
  "user.create": [{ email: "bob@acme.example", role: "EXTENSION_USER" }, "Added bob@acme.example as Extension user"],
  "user.update": [
    { before: { name: "Bob", email: "bob@acme.example", role: "EXTENSION_USER" }, after: { name: "Bob Baker", email: "bob@acme.example", role: "CUSTOMER_ADMIN" } },
    "Changed user bob@acme.example: name from “Bob” to “Bob Baker” and role from Extension user to Administrator",
  ],
  "user.delete": [{ email: "bob@acme.example" }, "Removed user bob@acme.example"],
  "user.password_change": [null, "Changed their own password"],
  "customer.create": [{ name: "Acme Ltd" }, "Created customer “Acme Ltd”"],
  "customer.update": [{ before: { name: "Acme" }, after: { name: "Acme Ltd" } }, "Changed the customer: name from “Acme” to “Acme Ltd”"],
  "customer.suspend": [{ from: "ACTIVE", to: "SUSPENDED" }, "Suspended the customer: its users cannot sign in and its phones make only emergency calls"],
  "customer.activate": [{ from: "SUSPENDED", to: "ACTIVE" }, "Reactivated the customer"],
  "customer.assignAccountPlan": [{ accountType: "CENTREX_LINE", from: null, to: "p1", planName: "Volume" }, "Put the customer on plan “Volume” for centrex lines"],
  "customer.assignTariff": [{ from: "t1", to: null, tariffName: "partner default" }, "Put the customer back on the partner’s default tariff"],
  "customer.setCallbackLimits": [
    { before: { countries: [], maxConcurrent: 5, dailySpendLimit: "20" }, after: { countries: ["GB", "IE"], maxConcurrent: 5, dailySpendLimit: "35.5" } },
    "Changed the customer’s web-callback limits: countries from its own country only to GB, IE and daily spend limit from 20 to 35.5",
  ],
  "partner.setCallbackPolicy": [
    { before: { allowedNumberTypes: [], blockedPrefixes: ["4470"] }, after: { allowedNumberTypes: ["TOLL_FREE"], blockedPrefixes: ["4470"] } },
    "Changed the web-callback number policy: extra number types from none to TOLL_FREE",
  ],
  "partner.create": [{ name: "Demo Telecom" }, "Created partner “Demo Telecom”"],
  "partner.setBillingPolicy": [{ before: { repriceExistingOnBandChange: false }, after: { repriceExistingOnBandChange: true } }, "Turned on re-pricing of existing accounts when a purchase reaches a new band"],
  "billing.purchase": [{ accountType: "CENTREX_LINE", quantity: 2, total: "9.98", currency: "GBP", repriced: 0 }, "Bought 2 Centrex lines for £9.98"],
  "billing.setCredit": [{ before: { isPrepaid: true, creditLimit: "0" }, after: { isPrepaid: true, creditLimit: "25" }, currency: "GBP" }, "Set the customer prepaid with a credit limit of £25.00"],
  "billing.credit": [{ amount: "25", currency: "GBP", reason: "Goodwill", display: "£25.00" }, "Credited £25.00: Goodwill"],
  "accountPlan.create": [
    { name: "Standard", accountType: "CENTREX_LINE", currency: "GBP", setupFee: "0", bands: [{ minQuantity: 1, maxQuantity: 5, monthlyPrice: "5.99" }], isDefault: true },
    "Created plan “Standard” for centrex lines with 1 band (the default)",
  ],
  "accountPlan.update": [
    {
      before: { name: "Standard", currency: "GBP", setupFee: "0", bands: [{ minQuantity: 1, maxQuantity: 5, monthlyPrice: "5.99" }, { minQuantity: 6, maxQuantity: 10, monthlyPrice: "4.99" }] },
      after: { id: "p1", name: "Standard", currency: "GBP", setupFee: "0", bands: [{ minQuantity: 1, maxQuantity: 5, monthlyPrice: "5.99" }, { minQuantity: 6, maxQuantity: 10, monthlyPrice: "4.89" }, { minQuantity: 11, maxQuantity: null, monthlyPrice: "3.99" }] },
    },
    "Changed plan “Standard”: band 6–10 from £4.99 to £4.89 and added band 11 or more at £3.99",
  ],
  "accountPlan.delete": [{ name: "Old" }, "Deleted plan “Old”"],
  "accountPlan.setDefault": [{ name: "Standard", accountType: "FAX" }, "Made plan “Standard” the default for fax lines"],
  "tariff.create": [{ name: "Retail", currency: "GBP", isDefault: false }, "Created tariff “Retail” in GBP"],
  "tariff.update": [{ before: { name: "Retail", currency: "GBP" }, after: { name: "Retail 2027", currency: "GBP" } }, "Changed tariff “Retail 2027”: name from “Retail” to “Retail 2027”"],
  "tariff.delete": [{ name: "Retail" }, "Deleted tariff “Retail”"],
  "tariff.setDefault": [{ name: "Retail" }, "Made tariff “Retail” the default"],
  "tariff.importRates": [{ ok: true, mode: "merge", created: 1200, updated: 3, deleted: 0 }, "Imported rates (merged): 1,200 added and 3 updated"],
  "tariff.rate.create": [
    { tariffId: "t1", prefix: "447", description: "UK mobile", ratePerMinute: "0.08", connectFee: "0", incrementSec: 1, minimumSec: 0 },
    "Added the rate for prefix 447 (UK mobile): 0.08 a minute, billed per 1 s",
  ],
  "tariff.rate.update": [{ tariffId: "t1", prefix: "44", description: null, ratePerMinute: "0.01", connectFee: "0.05", incrementSec: 60, minimumSec: 60 }, "Changed the rate for prefix 44: 0.01 a minute, 0.05 to connect, billed per 60 s, minimum 60 s"],
  "tariff.rate.delete": [{ tariffId: "t1", prefix: "44" }, "Deleted the rate for prefix 44"],
  "extension.create": [
    { number: "201", displayName: "Bob Baker", ownerUserId: "u1", voicemailEnabled: true, outboundCli: null, username: "t1-201" },
    "Added extension 201 (Bob Baker) on SIP account t1-201",
  ],
  "extension.update": [
    {
      before: { number: "201", displayName: "Bob", ownerUserId: null, voicemailEnabled: false, outboundCli: null },
      after: { number: "201", displayName: "Bob", ownerUserId: null, voicemailEnabled: true, outboundCli: "+442079460001" },
      isPinChanged: true,
    },
    "Changed extension 201 (Bob): voicemail from off to on, outbound number from the company default to +442079460001 and a new voicemail PIN",
  ],
  "extension.delete": [
    { number: "201", displayName: "Bob", username: "t1-201", unroutedDids: ["+442079460001"] },
    "Deleted extension 201 (Bob); SIP account t1-201 is free again; +442079460001 no longer rings anywhere",
  ],
  "extension.regenerateCredentials": [{ number: "201", username: "t1-201" }, "Issued new SIP credentials for extension 201 (account t1-201)"],
  "numbers.buy": [{ number: "+442079460000", tier: "Gold", monthlyFee: "6.5", currency: "GBP" }, "Bought number +442079460000 (Gold) at £6.50/month"],
  "numbers.order": [{ number: "+442079460777", supplier: "Telnyx UK" }, "Ordered number +442079460777 from Telnyx UK"],
  "numbers.cancel": [{ number: "+442079460777", source: "SUPPLIER" }, "Cancelled number +442079460777 and released it to the supplier"],
  "didSupplier.create": [{ name: "Telnyx UK" }, "Added DID supplier “Telnyx UK”"],
  "didSupplier.update": [{ name: "Telnyx UK", keyChanged: true, isEnabled: true }, "Changed DID supplier “Telnyx UK” and its API key"],
  "didSupplier.delete": [{ name: "Telnyx UK" }, "Removed DID supplier “Telnyx UK”"],
  "numbers.inventory.create": [
    { number: "+442079460000", area: "London", setupPrice: "5", monthlyPrice: "1.5", currency: "GBP" },
    "Added +442079460000 to stock (London): set up £5.00, £1.50 a month",
  ],
  "numbers.inventory.update": [
    { number: "+442079460000", currency: "GBP", before: { area: "London", setupPrice: "5", monthlyPrice: "1.5" }, after: { area: "London", setupPrice: "5", monthlyPrice: "2" } },
    "Changed stock number +442079460000: monthly price from £1.50 to £2.00",
  ],
  "numbers.inventory.retire": [{ number: "+442079460000", from: "QUARANTINED" }, "Retired +442079460000 from stock"],
  "numbers.inventory.import": [{ mode: "validRowsOnly", imported: 24, rejected: 1 }, "Imported 24 numbers into stock from a file; 1 rejected row left out"],
  "numbers.tier.create": [
    { name: "Gold", rank: 3, rules: [{ kind: "repeated", length: 4 }, { kind: "roundEnding", zeros: 3 }], setupPremium: "50", monthlyPremium: "5" },
    "Created number tier “Gold” (rank 3; 4 or more of the same digit in a row or ends in 3 or more zeros; +50 setup; +5 a month)",
  ],
  "numbers.tier.update": [
    { before: { name: "Silver" }, after: { name: "Silver", rank: 2, rules: [{ kind: "sequence", length: 4 }], setupPremium: "20", monthlyPremium: "2" } },
    "Changed number tier “Silver” (rank 2; 4 or more digits in sequence (up or down); +20 setup; +2 a month)",
  ],
  "numbers.tier.delete": [{ name: "Bronze", rank: 1 }, "Deleted number tier “Bronze”"],
  "numbers.price.upsert": [{ countryIso: "US", setupPrice: "1", monthlyPrice: "0.8", currency: "GBP" }, "Set the supplier number price for US: set up £1.00, £0.80 a month"],
  "numbers.price.delete": [{ countryIso: "US" }, "Removed the supplier number price for US (no longer offered)"],
  "callerId.verify": [{ number: "+447911123456" }, "Verified mobile +44 7911 123456 by SMS code for caller ID"],
  "callerId.addUnverified": [{ number: "+447911123456" }, "Added mobile +44 7911 123456 as caller ID without verification"],
  "callerId.remove": [{ number: "+447911123456", clearedExtensions: 2 }, "Removed caller-ID mobile +44 7911 123456; 2 extensions went back to the company number"],
  "sms.setGateway": [{ fromNumber: "+15005550006", accountSid: "AC0123" }, "Set up the Twilio SMS gateway sending from +1 500 555 0006"],
  "sms.removeGateway": [{}, "Removed the SMS gateway: texts go to the outbox"],
  "partner.setCallerIdPolicy": [{ before: { allowUnverifiedMobileCli: false }, after: { allowUnverifiedMobileCli: true } }, "Allowed customers to use mobiles as caller ID without SMS verification"],
  "number.setDestination": [{ number: "+442071234500", before: "Not routed", after: "Extension 201 · Alice" }, "Pointed number +442071234500 at Extension 201 · Alice (was Not routed)"],
  "forwarding.save": [
    {
      number: "201", displayName: "Bob",
      before: { doNotDisturb: false, forwardAlways: null, forwardBusy: null, forwardNoAnswer: null, followMe: "off" },
      after: { doNotDisturb: false, forwardAlways: null, forwardBusy: "voicemail", forwardNoAnswer: null, followMe: "sequential, 2 destinations" },
    },
    "Changed the forwarding of extension 201 (Bob): forward when busy from none to voicemail and follow-me from off to sequential, 2 destinations",
  ],
  "forwarding.setDoNotDisturb": [{ number: "201", displayName: "Bob", doNotDisturb: true }, "Turned on do not disturb for extension 201 (Bob)"],
  "huntGroup.create": [{ number: "600", name: "Sales", members: 2 }, "Created hunt group 600 “Sales” with 2 members"],
  "huntGroup.update": [
    { before: { number: "600", name: "Sales", strategy: "ring all", ringSec: 60, members: "201, 202", overflow: null }, after: { number: "600", name: "Sales", strategy: "in order", ringSec: 60, members: "202, 201", overflow: "voicemail" } },
    "Changed hunt group 600 “Sales”: strategy from ring all to in order, members from 201, 202 to 202, 201 and unanswered calls from none to voicemail",
  ],
  "huntGroup.delete": [{ number: "600", name: "Sales" }, "Deleted hunt group 600 “Sales”"],
  "routing.rules.save": [{ owner: "+442071234500", before: [], after: ["US office hours", "Night"] }, "Saved 2 call rules of +442071234500"],
  "routing.holiday.add": [{ date: "2027-12-25", name: "Christmas Day" }, "Added holiday “Christmas Day” on 2027-12-25"],
  "routing.holiday.remove": [{ date: "2027-12-25", name: "Christmas Day" }, "Removed holiday “Christmas Day” on 2027-12-25"],
  "ivrMenu.create": [{ name: "Main" }, "Created IVR menu “Main”"],
  "ivrMenu.update": [
    { before: { name: "Main", options: "1:queue", afterRetries: null, directDial: false }, after: { name: "Main", options: "1:queue, 2:voicemail", afterRetries: null, directDial: true } },
    "Changed IVR menu “Main”: options from 1:queue to 1:queue, 2:voicemail and direct dial from off to on",
  ],
  "ivrMenu.delete": [{ name: "Main" }, "Deleted IVR menu “Main”"],
  "callQueue.create": [{ number: "700", name: "Support" }, "Created call queue 700 “Support”"],
  "callQueue.update": [
    { before: { number: "700", name: "Support", members: "201, 202" }, after: { number: "700", name: "Support", members: "202, 201" } },
    "Changed call queue 700 “Support”: members from 201, 202 to 202, 201",
  ],
  "callQueue.delete": [{ number: "700", name: "Support" }, "Deleted call queue 700 “Support”"],
  "callQueue.setMemberLogin": [{ queue: "700", extension: "201", isLoggedIn: false }, "Logged out extension 201 of call queue 700"],
  "voicePrompt.create": [{ name: "Welcome", source: "UPLOAD", file: "welcome.mp3" }, "Uploaded prompt “Welcome” from “welcome.mp3”"],
  "voicePrompt.rename": [{ before: "Welcome", after: "Main welcome" }, "Renamed prompt “Welcome” to “Main welcome”"],
  "voicePrompt.delete": [{ name: "Welcome" }, "Deleted prompt “Welcome”"],
  "recording.delete": [{ caller: "+442079460000", called: "201" }, "Deleted the recording of a call from +442079460000 to 201"],
  "recording.setSettings": [
    { extension: "201 Alice", before: { recordIncomingExternal: false, recordAnnouncement: false }, after: { recordIncomingExternal: true, recordAnnouncement: true } },
    "Changed call recording of extension 201 Alice: incoming outside calls from off to on and the announcement from off to on",
  ],
  "recording.setRetention": [{ before: 90, after: 1 }, "Set recordings to be kept 1 day (was 90 days)"],
  "routing.blockList.add": [{ number: "+447700900666" }, "Blocked calls from +447700900666"],
  "routing.blockList.remove": [{ number: "+447700900666" }, "Unblocked calls from +447700900666"],
  "routing.speedDial.create": [{ code: "*21", label: "Head office", number: "+442071234567" }, "Created speed dial *21 “Head office” to +442071234567"],
  "routing.speedDial.update": [{ code: "*21", label: "Head office", number: "202" }, "Changed speed dial *21 “Head office” to 202"],
  "routing.speedDial.delete": [{ code: "*21", label: "Head office" }, "Deleted speed dial *21 “Head office”"],
  "apiKey.created": [{ name: "Softphone", prefix: "cbk_Ab12Cd34", rateLimitPerMinute: 60, sipAccountId: null }, "Created API key “Softphone” (cbk_Ab12Cd34…) allowing 60 callbacks a minute"],
  "apiKey.revoked": [{ name: "Softphone", prefix: "cbk_Ab12Cd34" }, "Revoked API key “Softphone” (cbk_Ab12Cd34…)"],
  "apiKey.updated": [
    { before: { name: "Softphone", prefix: "cbk_Ab12Cd34", rateLimitPerMinute: 60, sipAccountId: null }, after: { name: "Softphone", prefix: "cbk_Ab12Cd34", rateLimitPerMinute: 5000, sipAccountId: "s1" } },
    "Changed API key “Softphone” (cbk_Ab12Cd34…): line from any line to one line and limit a minute from 60 to 5000",
  ],
  "callbackWidget.created": [{ name: "Website", destination: "Hunt group 600 · Sales" }, "Created callback widget “Website” ringing Hunt group 600 · Sales"],
  "callbackWidget.updated": [
    { before: { name: "Website", isEnabled: true, order: "VISITOR_FIRST", allowedOrigins: "https://a.example" }, after: { name: "Website", isEnabled: false, order: "COMPANY_FIRST", allowedOrigins: "https://a.example, https://b.example" } },
    "Changed callback widget “Website”: the widget from on to off, who is called first from the visitor first to the company first and websites from https://a.example to https://a.example, https://b.example",
  ],
  "callbackWidget.deleted": [{ name: "Website" }, "Deleted callback widget “Website”"],
};

describe("describeEntry", () => {
  it.each(AUDIT_ACTIONS.map((action) => [action, ...SAMPLES[action]] as const))("%s reads as a sentence", (action, details, sentence) => {
    expect(describeEntry(action, details)).toBe(sentence);
  });

  it("never shows undefined, raw JSON or an empty line, whatever the details hold", () => {
    const odd: unknown[] = [undefined, null, "text", 42, [], {}, { before: null, after: null }, { name: { nested: true } }, { bands: "x", quantity: "2" }];
    for (const action of AUDIT_ACTIONS) {
      for (const details of odd) {
        const sentence = describeEntry(action, details);
        expect(sentence, `${action} ${JSON.stringify(details)}`).toMatch(/^[A-Z]/);
        expect(sentence).not.toMatch(/undefined|null|NaN|\[object|[{}[\]]|—/);
      }
    }
  });

  it("reads an action it does not know as words", () => {
    expect(describeEntry("voicemail.greeting_upload", {})).toBe("Voicemail greeting upload");
  });
});
