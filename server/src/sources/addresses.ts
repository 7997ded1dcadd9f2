import dns from 'dns';
import net from 'net';
import { SourceFetchError } from './errors';

/**
 * Addresses a source may not reach unless the allow-list says so: what is
 * inside the server's own network, declared once with the name the refusal
 * gives. IPv4-mapped IPv6 forms (::ffff:10.0.0.1) are checked against the
 * IPv4 ranges by net.BlockList itself.
 */
const FORBIDDEN: ReadonlyArray<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'a "this network" address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.169.254', 32, 'ipv4', 'the cloud metadata address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.0.0.0', 24, 'ipv4', 'an IETF protocol address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'the unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  // IPv4-compatible (deprecated) and NAT64 forms would reach IPv4 hosts behind the ranges above.
  ['::', 96, 'ipv6', 'an IPv4-compatible address'],
  ['64:ff9b::', 96, 'ipv6', 'a NAT64 address'],
  ['fd00:ec2::254', 128, 'ipv6', 'the cloud metadata address'],
  ['fc00::', 7, 'ipv6', 'a unique local (private) address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];

const forbidden = FORBIDDEN.map(([network, prefix, family, label]) => {
  const list = new net.BlockList();
  list.addSubnet(network, prefix, family);
  return { list, label };
});

const familyOf = (address: string): 'ipv4' | 'ipv6' => (net.isIPv6(address) ? 'ipv6' : 'ipv4');

/** Why `address` is refused (the first matching range), or null for a public address. */
export const forbiddenReason = (address: string): string | null => {
  const family = familyOf(address);
  return forbidden.find((f) => f.list.check(address, family))?.label ?? null;
};

/** One entry of `sourceAllowList`: an IP, a CIDR range or a host name. Null: not a valid entry. */
const parseEntry = (entry: string): { kind: 'net'; list: net.BlockList } | { kind: 'host'; host: string } | null => {
  const text = entry.trim().toLowerCase();
  const [address, prefix] = text.split('/');
  if (net.isIP(address)) {
    const family = familyOf(address);
    const bits = prefix === undefined ? (family === 'ipv4' ? 32 : 128) : Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (family === 'ipv4' ? 32 : 128)) return null;
    const list = new net.BlockList();
    list.addSubnet(address, bits, family);
    return { kind: 'net', list };
  }
  if (prefix === undefined && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(text)) return { kind: 'host', host: text };
  return null;
};

/** The config validator names entries that are neither an IP, a CIDR range nor a host name. */
export const invalidAllowListEntries = (entries: string[]) => entries.filter((e) => !parseEntry(e));

export interface AddressPolicy {
  /** Null when the host may be reached at `address`; else why not. */
  refusal(host: string, address: string): string | null;
}

export const createAddressPolicy = (allowList: string[] = []): AddressPolicy => {
  const entries = allowList.map(parseEntry).filter((e): e is NonNullable<ReturnType<typeof parseEntry>> => !!e);
  const hostAllowed = (host: string) => entries.some((e) => e.kind === 'host' && e.host === host.toLowerCase().replace(/\.$/, ''));
  const addressAllowed = (address: string) => entries.some((e) => e.kind === 'net' && e.list.check(address, familyOf(address)));
  return {
    refusal(host, address) {
      const reason = forbiddenReason(address);
      if (!reason || hostAllowed(host) || addressAllowed(address)) return null;
      return reason;
    },
  };
};

/** URL hosts come bracketed for IPv6 ([::1]). */
export const bareHost = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

const refused = (host: string, address: string, reason: string) =>
  new SourceFetchError(
    'refused',
    `${host === address ? address : `${host} (${address})`} is ${reason}: sources may not reach the server's own network. To allow it, add it to the plugin option sourceAllowList`,
    { host, address, setting: 'contacts.sourceAllowList' }
  );

/**
 * Every address `host` resolves to, checked: one refused address refuses the
 * host (a name resolving to a public and a private address is not let
 * through on the public one). The connection is then made to these very
 * addresses, so the name cannot resolve elsewhere between check and connect.
 */
export const resolveChecked = async (host: string, policy: AddressPolicy): Promise<Array<{ address: string; family: 4 | 6 }>> => {
  const name = bareHost(host);
  let addresses: Array<{ address: string; family: number }>;
  if (net.isIP(name)) {
    addresses = [{ address: name, family: net.isIP(name) }];
  } else {
    try {
      addresses = await dns.promises.lookup(name, { all: true, verbatim: true });
    } catch (error) {
      throw new SourceFetchError('remote', `The host ${name} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'DNS error'})`, { host: name });
    }
  }
  if (!addresses.length) throw new SourceFetchError('remote', `The host ${name} does not resolve`, { host: name });
  for (const { address } of addresses) {
    const reason = policy.refusal(name, address);
    if (reason) throw refused(name, address, reason);
  }
  return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** A `lookup` for net/http/https that only ever hands out checked addresses. */
export const guardedLookup =
  (policy: AddressPolicy): net.LookupFunction =>
  (hostname, options, callback) => {
    resolveChecked(hostname, policy).then(
      (addresses) => {
        if ((options as dns.LookupOptions).all) (callback as any)(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error) => callback(error, '', 4)
    );
  };
