import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests: pure code only, no database, no network. Integration and e2e layers have
// their own configs (vitest.integration.config.ts, vitest.e2e.config.ts).
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL("./", import.meta.url)) }] },
  test: {
    environment: "node",
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["**/*.integration.test.ts", "**/*.asterisk.test.ts", "**/*.e2e.ts", "**/node_modules/**", ".next/**", ".data/**", ".test-data/**"],
  },
});
