// A demo server of a spec's own, beside the suite's: its own data directory, port and settings (fast demo trackers), so
// a spec can wait for a tracker's events or alter its database without disturbing the other specs.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `caravan serve --demo` (the built dll in CARAVAN_DLL) with `trackers` demo trackers replaying `replayDays` days
 * at `speed` times real time, and no MQTT listener. Answers { url, tokens, database, log(), stop() } once /healthz
 * answers and the demo tokens are written.
 */
export async function startDemoServer({ trackers, speed, replayDays }) {
  const dll = process.env.CARAVAN_DLL;
  if (!dll) throw new Error('CARAVAN_DLL (the built caravan.dll) is needed to start a second demo server');
  const dir = mkdtempSync(join(tmpdir(), 'caravan-e2e-'));
  const data = join(dir, 'caravan-data');
  const url = `http://127.0.0.1:${await freePort()}`;
  let output = '';
  const child = spawn('dotnet', [dll, 'serve', '--demo', '--demo-trackers', String(trackers), '--data', data, '--urls', url, '--mqtt-port', 'off'], {
    env: { ...process.env, CARAVAN__Demo__Trackers__Speed: String(speed), CARAVAN__Demo__Trackers__ReplayDays: String(replayDays) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const tokensFile = join(data, 'demo-tokens.json');
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the second demo server exited (${child.exitCode}):\n${output.slice(-2000)}`);
    }
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy && existsSync(tokensFile)) break;
    if (Date.now() > until) {
      await stop();
      throw new Error(`the second demo server did not answer within 90 s:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { url, tokens: JSON.parse(readFileSync(tokensFile, 'utf8')), database: join(data, 'caravan.db'), log: () => output, stop };
}

/**
 * Alters one stored chain entry in the SQLite file behind the server's back, as someone with access to the disk could:
 * the event's eventDateTime is moved by an hour, nothing else (no hash recomputed). Uses Python's sqlite3.
 */
export function tamperEntry(database, shipment, sequence) {
  const script = `
import json, sqlite3, sys
con = sqlite3.connect(sys.argv[1], timeout=30)
row = con.execute('SELECT event_json FROM events WHERE shipment_id = ? AND sequence = ?', (sys.argv[2], int(sys.argv[3]))).fetchone()
if row is None: sys.exit('no such entry')
text = bytes(row[0]).decode('utf-8')
old = json.loads(text)['eventDateTime']
new = old[:11] + ('01' if old[11:13] == '00' else '00') + old[13:]
changed = text.replace('"eventDateTime":"%s"' % old, '"eventDateTime":"%s"' % new, 1)
if changed == text: sys.exit('eventDateTime not found in the stored bytes')
con.execute('UPDATE events SET event_json = ? WHERE shipment_id = ? AND sequence = ?', (changed.encode('utf-8'), sys.argv[2], int(sys.argv[3])))
con.commit()
print(old, '->', new)
`;
  return execFileSync('python3', ['-c', script, database, shipment, String(sequence)], { encoding: 'utf8' }).trim();
}
