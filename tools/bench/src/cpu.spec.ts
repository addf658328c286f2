import { spawn } from 'node:child_process';
import { listenerPids, parseSs, parseStat, portOf, waitForIdle } from './cpu';

describe('/proc and ss parsing', () => {
  it('reads ppid and utime + stime even when comm has spaces and parentheses', () => {
    const fields = ['S', '41', '7', '7', '0', '-1', '4194560', '100', '0', '0', '0', '250', '31', '0', '0', '20', '0', '5'];
    expect(parseStat(`1234 (neutron-server: api (x)) ${fields.join(' ')}`)).toEqual({ pid: 1234, ppid: 41, comm: 'neutron-server: api (x)', ticks: 281 });
  });

  it('finds the pids of a listening port, workers included', () => {
    const rows = parseSs(
      [
        'LISTEN 0      4096   127.0.0.1:9696  0.0.0.0:* users:(("neutron-server:",pid=22120,fd=13),("neutron-server:",pid=22120,fd=11),("/usr/bin/python",pid=22073,fd=11))',
        'LISTEN 0      644    127.0.0.1:5433  0.0.0.0:* users:(("postgres",pid=22011,fd=5))',
        'LISTEN 0      128      0.0.0.0:2024  0.0.0.0:*',
        'LISTEN 0      511      [::1]:19696  [::]:* users:(("node",pid=77,fd=21))',
      ].join('\n'),
    );
    expect(rows[0]).toEqual({ state: 'LISTEN', local: '127.0.0.1:9696', peer: '0.0.0.0:*', pids: [22120, 22073] });
    expect(listenerPids(9696, rows)).toEqual([22120, 22073]);
    expect(listenerPids(19696, rows)).toEqual([77]);
    expect(listenerPids(2024, rows)).toEqual([]);
    expect(portOf('[::ffff:127.0.0.1]:40332')).toBe(40332);
  });
});

describe('waitForIdle', () => {
  it('waits while the process burns CPU, and not much longer', async () => {
    // Busy for 1.2 s, then idle (a timer keeps it alive).
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 1200; while (Date.now() < end); setTimeout(() => {}, 60000);']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const waited = await waitForIdle(() => [child.pid as number], 5000);
      expect(waited).toBeGreaterThanOrEqual(900);
      expect(waited).toBeLessThan(3000);
      // Idle now: one quiet window.
      expect(await waitForIdle(() => [child.pid as number], 5000)).toBeLessThan(700);
    } finally {
      child.kill();
    }
  });
});
