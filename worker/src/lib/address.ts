// The unit a throttle counts an address in. IPv4: the address (one office NAT = one address).
// IPv6: its /64 — one subscriber or host is given a whole /64 and can pick any address in it, so
// counting full addresses would give it unlimited attempts.

/** The /64 of an IPv6 address as 4 hextets ("2001:db8:1:2::/64"), or the IPv4 address as is. */
export function addressNet(ip: string): string {
  const addr = ip.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!addr.includes(':')) return addr;
  const [head = '', tail = ''] = addr.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two hextets; it never reaches the /64 part.
  const width = (parts: string[]) => parts.reduce((n, p) => n + (p.includes('.') ? 2 : 1), 0);
  const full = addr.includes('::') ? [...left, ...Array(Math.max(0, 8 - width(left) - width(right))).fill('0'), ...right] : left;
  // IPv4-mapped (::ffff:1.2.3.4) or NAT64: the IPv4 address behind it.
  if (full.at(-1)?.includes('.')) return full.at(-1)!;
  return `${full.slice(0, 4).map((h) => (h.replace(/^0+(?=.)/, '') || '0')).join(':')}::/64`;
}
