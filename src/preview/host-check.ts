/**
 * DNS rebinding: a web page on another site can point its own host name at
 * 127.0.0.1 and then read this server's answers as if they were its own.
 * The browser still sends that foreign name in the Host header, so only
 * requests addressed to a name this server really listens on are answered.
 */
import { hostname, networkInterfaces } from 'node:os';

/** Names a request may use for a server bound to `host` (an address or name) on `port`. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set<string>(['127.0.0.1', 'localhost', '::1', host.toLowerCase()]);
  if (host === '0.0.0.0' || host === '::') {
    // Listening on every interface: the machine's own addresses and name are legitimate.
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces()))
      for (const address of addresses ?? []) names.add(address.address.toLowerCase());
  }
  const allowed = new Set<string>();
  for (const name of names) allowed.add(`${name.includes(':') ? `[${name}]` : name}:${port}`);
  return allowed;
}

/** True when the Host header names this server exactly (port included). */
export function isAllowedHost(header: string | undefined, allowed: Set<string>): boolean {
  return header !== undefined && allowed.has(header.trim().toLowerCase());
}
