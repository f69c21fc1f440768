// The preview's addresses for a phone (src/eleventy/network.ts).
import type os from "node:os";
import { describe, expect, it } from "vitest";
import { lanAddresses, onHost, previewAddressLines } from "../../../src/eleventy/network.ts";

function ipv4(address: string, internal = false): os.NetworkInterfaceInfo {
  return { address, netmask: "255.255.255.0", family: "IPv4", mac: "00:00:00:00:00:00", internal, cidr: `${address}/24` };
}

describe("lanAddresses", () => {
  it("gives the network's IPv4 addresses, a home or office network first, without loopback, link-local or IPv6", () => {
    const found = lanAddresses({
      lo: [ipv4("127.0.0.1", true)],
      docker0: [ipv4("172.17.0.1")],
      eth0: [ipv4("10.0.0.5"), { ...ipv4("fe80::1"), family: "IPv6", scopeid: 1 }],
      wlan0: [ipv4("192.168.1.23")],
      usb0: [ipv4("169.254.3.4")],
    });
    expect(found).toEqual(["192.168.1.23", "10.0.0.5", "172.17.0.1"]);
  });

  it("is empty without a network", () => {
    expect(lanAddresses({ lo: [ipv4("127.0.0.1", true)] })).toEqual([]);
  });
});

describe("previewAddressLines", () => {
  it("names the address on this computer and the one a phone opens, with the path prefix", () => {
    expect(onHost("http://localhost:8080/finsam/", "192.168.1.23")).toBe("http://192.168.1.23:8080/finsam/");
    expect(previewAddressLines("http://localhost:8080/", ["192.168.1.23"])).toEqual([
      "Förhandsvisningen: http://localhost:8080/",
      "En telefon i samma nätverk: http://192.168.1.23:8080/",
    ]);
    expect(previewAddressLines("http://localhost:8080/", [])[1]).toMatch(/ingen nätverksadress/);
  });
});
