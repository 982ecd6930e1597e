import dns from "node:dns";
import { Socket } from "node:net";

/** Records every outgoing TCP connection, fetch and DNS lookup, so a test sees any stray network use. */
export function watchNetwork(): { destinations: string[]; restore(): void } {
  const destinations: string[] = [];
  const originalConnect = Socket.prototype.connect;
  const originalFetch = globalThis.fetch;
  const originalLookup = dns.lookup;
  const originalPromisesLookup = dns.promises.lookup;
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    destinations.push(`tcp:${connectHost(args)}`);
    return (originalConnect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof Socket.prototype.connect;
  globalThis.fetch = (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    destinations.push(`fetch:${input instanceof Request ? input.url : String(input)}`);
    return originalFetch(input, init);
  };
  (dns as { lookup: unknown }).lookup = function (hostname: string, ...rest: unknown[]) {
    destinations.push(`dns:${hostname}`);
    return (originalLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  };
  (dns.promises as { lookup: unknown }).lookup = function (hostname: string, ...rest: unknown[]) {
    destinations.push(`dns:${hostname}`);
    return (originalPromisesLookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  };
  return {
    destinations,
    restore() {
      Socket.prototype.connect = originalConnect;
      globalThis.fetch = originalFetch;
      (dns as { lookup: unknown }).lookup = originalLookup;
      (dns.promises as { lookup: unknown }).lookup = originalPromisesLookup;
    },
  };
}

/** Socket.connect is called with (options), (port, host) or Node's internal normalised [options, cb] array. */
function connectHost(args: unknown[]): string {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === "object" && first !== null) {
    const options = first as { host?: string; path?: string };
    return options.host ?? options.path ?? "localhost";
  }
  return typeof args[1] === "string" ? args[1] : "localhost";
}

export function isLoopback(destination: string): boolean {
  return /^(tcp:(127\.0\.0\.1|localhost|::1)|fetch:http:\/\/127\.0\.0\.1:\d+\/|dns:(localhost|127\.0\.0\.1))/u.test(destination);
}
