/**
 * Test support for the Asterisk lane: loopback ports for SIP and RTP. SIP listens on UDP and
 * TCP with the same number, and RTP needs an even port whose odd neighbour (RTCP) is free
 * too, so these check UDP themselves instead of trusting a free TCP port.
 */
import dgram from "node:dgram";
import { findFreePort } from "../../setup/free-port";

function isUdpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket("udp4");
    socket.once("error", () => resolve(false));
    socket.bind(port, "127.0.0.1", () => socket.close(() => resolve(true)));
  });
}

/** A port free on 127.0.0.1 for both TCP and UDP (a SIP listener binds both). */
export async function findFreeSipPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await findFreePort();
    if (await isUdpFree(port)) return port;
  }
  throw new Error("no port free for both TCP and UDP on 127.0.0.1");
}

const taken = new Set<number>();

/**
 * The even base of `count` consecutive free UDP ports in 20000-29999, below the kernel's
 * ephemeral range (32768+) so outgoing sockets do not take them meanwhile. Ranges handed out
 * by this process are remembered, so two phones never share one.
 */
export async function findFreeUdpRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const base = 20000 + 2 * Math.floor(Math.random() * ((10000 - count) / 2));
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if (ports.some((p) => taken.has(p))) continue;
    const free = await Promise.all(ports.map(isUdpFree));
    if (!free.every(Boolean)) continue;
    for (const p of ports) taken.add(p);
    return base;
  }
  throw new Error(`no ${count} consecutive free UDP ports in 20000-29999`);
}
