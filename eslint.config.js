import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Files allowed to import the raw, unscoped Prisma client (STYLE.md section 3). */
const RAW_DB_ALLOWED = [
  "server/tenancy.ts",
  "server/auth/**",
  "server/modules/admin/**",
  "server/modules/account/**",
  // Tariffs are partner data (no tenantId): scoped by partnerId like the rest of the back office.
  "server/modules/tariffs/**",
  "server/telephony/dialplan/**",
  // Account plans and the back office's view of customers' money are partner data.
  "server/modules/billing/partner/**",
  // A partner's number stock, tiers and prices are partner data, scoped by partnerId.
  "server/modules/numbers/partner/**",
  // Stripe webhooks and the recurring-charge job act across tenants before one is known.
  "server/modules/billing/system/**",
  // The recording retention job deletes expired recordings of every company, before one is known.
  "server/media/retention.ts",
  // A partner's number stock, tiers and suppliers are partner data; stock numbers belong to no tenant
  // yet, so buying one (numbers/shop) reads the partner's stock under row locks, by partnerId.
  "server/modules/numbers/partner/**",
  "server/modules/numbers/shop/**",
  "server/modules/numbers/suppliers/**",
  "server/telephony/worker.ts",
  // The public callback path finds a widget (and counts rate limits) before a tenant is known.
  "server/modules/callbacks/intake/widget-lookup.ts",
  "server/modules/callbacks/rate-limit.ts",
  // Waking the callback workers is a NOTIFY for every company at once; refusal retention
  // deletes old refusals of every company.
  "server/modules/callbacks/refusal-retention.ts",
  "server/modules/callbacks/wake-workers.ts",
  // The public widget's status endpoint reads a visitor's request by id (useless without its token).
  "server/modules/callbacks/widget-public/lookup.ts",
  // The REST API finds an API key by its hash (and counts failed attempts) before a tenant is known.
  "server/public-api/authenticate.ts",
  "server/public-api/auth-failures.ts",
  // Texts and gateways are partner data (no tenantId): the sender and the back office's Messages.
  "server/integrations/sms/**",
  "server/modules/sms/**",
  // The demo registers a simulated phone for every company's accounts.
  "server/telephony/demo-phones.ts",
  "server/database/**",
  "prisma/**",
  "scripts/**",
  "tests/**",
  "bench/**",
  "**/*.integration.test.ts",
];

/** Files allowed to read process.env: the validated env modules and process launchers. */
const ENV_ALLOWED = ["server/env.js", "server/env-database.ts", "server/telephony/env.ts", "server/integrations/env.ts", "server/telephony/ari/spec.ts", "scripts/**", "tests/**", "bench/**", "prisma.config.ts", "**/*.test.ts", "vitest.*.ts"];

const config = [
  { ignores: [".next/**", "node_modules/**", "server/generated/**", ".data/**", ".test-data/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/db", "**/server/db", "../db", "../../db", "../../../db", "./db"],
              message: "Use tenantDb() from server/tenancy.ts: the raw client bypasses tenant scoping.",
            },
            {
              group: ["@/server/database/prepared", "**/database/prepared"],
              message: "Use tenantSql() from server/tenancy.ts: prepared statements on the raw pool bypass tenant scoping.",
            },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from server/env.js (web) or server/telephony/env.ts (worker)." },
      ],
    },
  },
  { files: RAW_DB_ALLOWED, rules: { "no-restricted-imports": "off" } },
  { files: ENV_ALLOWED, rules: { "no-restricted-properties": "off" } },
  // NODE_ENV is inlined by the bundler for client code and is not configuration.
  { files: ["components/providers/**"], rules: { "no-restricted-properties": "off" } },
];

export default config;
