import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The app's own memory for a piece of work: the built `solocrm` (out/main/cli.js, the backend and
 * job worker the desktop app runs) in a process of its own, and that process's peak RSS. The
 * bench process cannot say this: its RSS also holds vitest, tsx and the bench's own data (~250 MB
 * before any work), none of which the app carries. Budgets on memory are checked against this.
 */
export async function appPeakRss(args: string[]): Promise<{ peakMb: number; stdout: string }> {
  const child = spawn(
    process.execPath,
    ['--import', resolve('tests/bench/reportPeakRss.mjs'), resolve('out/main/cli.js'), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const peak = /PEAK_RSS_KB (\d+)\s*$/.exec(stderr);
  if (code !== 0 || !peak)
    throw new Error(`solocrm ${args.join(' ')} failed (${code}): ${stderr.slice(-2000)}`);
  return { peakMb: Number(peak[1]) / 1024, stdout };
}
