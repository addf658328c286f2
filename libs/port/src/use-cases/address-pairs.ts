import { canonicalCidr, canonicalIp } from '@alcor/netaddr';
import { conflict, invalidInput } from '@alcor/neutron-api';
import { AddressPair } from '../domain/port.entity';

/** allowed_address_pairs: IPs or CIDRs, MAC defaulting to the port's; only with port security on. */
export function checkAddressPairs(pairs: { ip_address: string; mac_address?: string }[], portSecurity: boolean, portMac: string): AddressPair[] {
  if (pairs.length > 0 && !portSecurity) {
    throw conflict('AddressPairAndPortSecurityRequired', 'Port Security must be enabled in order to have allowed address pairs on a port.');
  }
  const checked = pairs.map((pair) => {
    const ip = canonicalIp(pair.ip_address) ?? canonicalCidr(pair.ip_address);
    if (!ip) throw invalidInput(`'${pair.ip_address}' is not a valid IP address or CIDR.`);
    const mac = pair.mac_address === undefined ? portMac : pair.mac_address.toLowerCase();
    if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac)) throw invalidInput(`'${pair.mac_address}' is not a valid MAC address.`);
    return { ip_address: ip, mac_address: mac };
  });
  const keys = checked.map((p) => `${p.ip_address}/${p.mac_address}`);
  if (new Set(keys).size !== keys.length) throw conflict('DuplicateAddressPairInRequest', 'Request contains duplicate address pair.');
  return checked;
}
