// A loopback TCP proxy in front of the worker: the phone's "network". WebKitGTK's WebDriver has
// no offline switch, so offline there means stopping the proxy (what a dead cell tower looks
// like: navigator.onLine stays true, every request fails). The port stays the same across
// stop/start, so the page keeps its origin (service worker, IndexedDB, cookie).
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface LoopbackProxy {
  url: string;
  start(): Promise<void>;
  /** Refuses new connections and cuts the open ones (keep-alive included). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<LoopbackProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1');
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });
  const stop = async () => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.destroy();
    sockets.clear();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  };
  await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    start: () => (server ? Promise.resolve() : listen()),
    stop,
    close: stop,
  };
}
