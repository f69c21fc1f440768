// The addresses at which the preview can be opened: this computer's, and its address in the local network for a
// phone beside it. Printed by `npm start` and `npm run cms`.
import os from "node:os";

/**
 * This computer's IPv4 addresses in its networks, the likeliest for a phone first: home and office networks
 * (192.168/16, 10/8, 172.16/12) before others, interfaces that are virtual machines' or containers' bridges
 * (docker0, br-…, vmnet…) last. No loopback, no link-local 169.254/16 address (no router gave it; a phone
 * cannot reach it).
 */
export function lanAddresses(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): string[] {
  const found: { address: string; rank: number }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    const virtual = /^(docker|br-|veth|virbr|vboxnet|vmnet|cni|flannel|podman|lxc|lxd|tailscale|zt|utun|awdl|llw)/i.test(name);
    for (const info of infos ?? []) {
      // Node 18.0–18.3 gave the family as a number.
      const family = info.family as string | number;
      if ((family !== "IPv4" && family !== 4) || info.internal || info.address.startsWith("169.254.")) continue;
      found.push({ address: info.address, rank: (virtual ? 10 : 0) + privateRank(info.address) });
    }
  }
  return [...new Set(found.sort((a, b) => a.rank - b.rank).map((entry) => entry.address))];
}

function privateRank(address: string): number {
  if (address.startsWith("192.168.")) return 0;
  if (address.startsWith("10.")) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
  return 3;
}

/** A URL of this computer with its host replaced by a network address ("http://localhost:8080/" → "http://192.168.1.5:8080/"). */
export function onHost(url: string, host: string): string {
  const moved = new URL(url);
  moved.hostname = host;
  return moved.href;
}

/**
 * The preview's addresses in Swedish, one per line, for the dev server's start message. Only the preview reaches
 * the network: the CMS's local backend listens on this computer alone, so /admin/ saves only from here.
 */
export function previewAddressLines(localUrl: string, lan: readonly string[] = lanAddresses()): string[] {
  const lines = [`Förhandsvisningen: ${localUrl}`];
  if (lan.length === 0) {
    lines.push("En telefon i samma nätverk: ingen nätverksadress hittades (är datorn ansluten till ett nätverk?).");
  } else {
    lines.push(`En telefon i samma nätverk: ${lan.map((host) => onHost(localUrl, host)).join(" eller ")}`);
  }
  return lines;
}
