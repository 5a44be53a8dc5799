import { connect } from 'node:net';

export interface RawReply {
  /** The status code of the first response line, or 0 when the server closed without one. */
  status: number;
  text: string;
}

/** Sends bytes exactly as given to host:port (no client-side normalisation) and reads until close or `timeoutMs`. */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 3000): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 0, text });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // One response is enough: stop once the head and any declared body have arrived.
      const all = Buffer.concat(chunks).toString('latin1');
      const headEnd = all.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const length = /\r\ncontent-length: (\d+)/i.exec(all.slice(0, headEnd));
      if (length && all.length - headEnd - 4 >= Number(length[1])) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(bytes);
  });
}

/** A GET for `target` with a correct Host header for a server on 127.0.0.1:port. */
export const rawGet = (port: number, target: string, extraHeaders = ''): Promise<RawReply> =>
  rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${extraHeaders}\r\n`);
