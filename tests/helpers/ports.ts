// A free TCP port on 127.0.0.1, for a server a test starts.
import net from "node:net";

/** A port nothing listens on, as the system hands them out. */
export function systemPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
