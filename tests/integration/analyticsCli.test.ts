import { describe, expect, it } from 'vitest';
import { solocrmIn } from '../support/cliRun';
import { tempDir } from '../support/tempBackend';

describe('solocrm analytics', () => {
  it(
    'runs on demo data and prints the segments, the models and the stage timings in words',
    { timeout: 60_000 },
    async () => {
      const solocrm = solocrmIn(tempDir());
      expect((await solocrm('demo', '--customers', '200', '--seed', '4')).code).toBe(0);
      const run = await solocrm('analytics', 'run', '--seed', '9');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /^Analysed \d+ customers with orders \(\d[\d,]* orders\) as of \d{4}-\d{2}-\d{2}/,
      );
      expect(run.stdout).toMatch(/^Segment\s+Customers\s+Revenue share$/m);
      expect(run.stdout).toMatch(/^champions\s+\d+\s+\d+\.\d %$/m);
      expect(run.stdout).toMatch(/Clusters: K = \d, silhouette 0\.\d{3}/);
      expect(run.stdout).toMatch(/Stages: loading [\d.]+ ms, revenue/);

      const list = await solocrm('analytics', 'customers', '--sort', 'risk', '--limit', '3');
      expect(list.code).toBe(0);
      expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+Name\s+Segment\s+Churn risk\s+CLV/);
      expect(list.stdout.split('\n')).toHaveLength(5); // header, three rows, "… more"
    },
  );

  it('says there is nothing yet before the first run', async () => {
    const list = await solocrmIn(tempDir())('analytics', 'customers');
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toContain('run `solocrm analytics run` first');
  });

  it.each([
    [['analytics'], 2, 'Unknown analytics command'],
    [['analytics', 'customers', '--segment', 'vip'], 2, 'Unknown segment "vip". Segments: champions, loyal'],
    [['analytics', 'run', '--as-of', '2026-02-30'], 1, '--as-of'],
    [['analytics', 'run', '--horizon-days', '3'], 1, '--horizon-days'],
    [['analytics', 'customers', '--min-risk', 'high'], 1, '--min-risk'],
  ])('refuses %j with exit code %i, naming what is wrong', async (args, code, message) => {
    const run = await solocrmIn(tempDir())(...args);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});
