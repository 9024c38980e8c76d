/** The demo's published logins (README.md lists them). No imports: tests read these without a database. */
export const DEMO_PASSWORD = "Centrex-demo-1";

export const DEMO_USERS = {
  platformAdmin: "platform@centrex.example",
  partnerAdmin: "admin@demotelecom.example",
  acmeAdmin: "alice@acme.example",
  acmeUsers: ["bob@acme.example", "carol@acme.example"],
  globexAdmin: "grace@globex.example",
  globexUsers: ["hank@globex.example", "ivy@globex.example"],
} as const;
