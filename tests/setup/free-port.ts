import net from "node:net";

/**
 * A TCP port that was free on 127.0.0.1 a moment ago. The OS picks it (port 0), so parallel
 * runs do not collide the way a fixed port would; the tiny window before the caller binds it
 * is acceptable for tests.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("The OS returned no port."))));
    });
  });
}
