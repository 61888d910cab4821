import net from 'node:net';

/** A TCP listener on 127.0.0.1 that records every connection made to it. */
export interface TcpListener {
  port: number;
  /** The first bytes each connection sent (an HTTP request line, say), in order. */
  connections: string[];
  close(): Promise<void>;
}

/**
 * Opens a listener on a free loopback port. Manuscripts under test point at it; a build
 * that opened any connection shows up in `connections`.
 */
export async function openTcpListener(): Promise<TcpListener> {
  const connections: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const index = connections.push('') - 1;
    sockets.add(socket);
    socket.on('data', (data) => {
      if (connections[index] === '') connections[index] = data.toString('latin1').split('\r\n')[0]!;
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
