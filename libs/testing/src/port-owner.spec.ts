import { createServer } from 'node:net';
import { listensOn } from './port-owner';

describe('listensOn', () => {
  it("finds this process's listener, and not another port's or another process's", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect(await listensOn(process.pid, port)).toBe(true);
      expect(await listensOn(process.ppid, port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await listensOn(process.pid, port)).toBe(false);
  });
});
