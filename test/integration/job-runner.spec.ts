import { JobContext, JobOutcome, JobRunner } from '../../src/jobs/job-runner.service';
import { uniqueKey } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The job runner's own rules (docs/scaling.md "Background jobs"), with two instances of the
 * application on one database and job kinds of this test only (no other instance takes them):
 * a graceful stop hands a running job over at once, a job asked for while it runs runs again, a
 * failure is recorded and answered to the waiter.
 */
describe('job runner', () => {
  let a: TestApp | null = null;
  let b: TestApp | null = null;
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 2000 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  };
  const jobRow = async (t: TestApp, kind: string, key: string) =>
    (
      await t.db.query(`SELECT state, rerun, attempts, lease_owner, progress_done, progress_total, last_error FROM jobs WHERE kind = $1 AND key = $2`, [
        kind,
        key,
      ])
    )[0];

  it('a graceful stop releases a running job, which the other instance takes and finishes', async () => {
    a = await startTestApp({ JOB_POLL_INTERVAL_MS: '50' });
    b = await startTestApp({ JOB_POLL_INTERVAL_MS: '50' });
    const kind = uniqueKey('t').slice(0, 40);
    const ran: string[] = [];
    // on a: works until asked to stop; on b: finishes at once
    a.app.get(JobRunner).register(kind, {
      run: async (job: JobContext): Promise<JobOutcome> => {
        ran.push('a');
        await job.progress(1, 3);
        while (!job.stopRequested()) await new Promise((r) => setTimeout(r, 10));
        return 'stopped';
      },
    });
    await a.app.get(JobRunner).enqueue(kind, 'k1');
    await until(async () => (await jobRow(a!, kind, 'k1'))?.progress_done === 1);
    expect(await jobRow(a, kind, 'k1')).toMatchObject({
      state: 'running',
      attempts: 1,
      lease_owner: a.app.get(JobRunner).instanceId,
      progress_done: 1,
      progress_total: 3,
    });

    const survivor = b;
    await a.close();
    a = null;
    // released at once: pending, no owner, the stop not counted as an attempt
    expect(await jobRow(survivor, kind, 'k1')).toMatchObject({ state: 'pending', attempts: 0, lease_owner: null });
    survivor.app.get(JobRunner).register(kind, {
      run: async (job) => {
        ran.push('b');
        await job.progress(3, 3);
        return 'done';
      },
    });
    await until(async () => (await jobRow(survivor, kind, 'k1'))?.state === 'done');
    expect(await jobRow(survivor, kind, 'k1')).toEqual({
      state: 'done',
      rerun: false,
      attempts: 1,
      lease_owner: null,
      progress_done: 3,
      progress_total: 3,
      last_error: null,
    });
    expect(ran).toEqual(['a', 'b']);
  });

  it('a job asked for again while it runs runs once more; a failure reaches the waiter and is kept', async () => {
    b ??= await startTestApp({ JOB_POLL_INTERVAL_MS: '50' });
    const t = b;
    const runner = t.app.get(JobRunner);
    const kind = uniqueKey('t').slice(0, 40);
    let runs = 0;
    let release: () => void = () => undefined;
    runner.register(kind, {
      maxAttempts: 1,
      run: async (job) => {
        runs++;
        if (job.key === 'bad') throw new Error('no such thing');
        if (runs === 1) await new Promise<void>((r) => (release = r));
        return 'done';
      },
    });
    await runner.enqueue(kind, 'k2');
    await until(async () => runs === 1);
    await runner.enqueue(kind, 'k2'); // while it runs
    expect(await jobRow(t, kind, 'k2')).toMatchObject({ state: 'running', rerun: true });
    release();
    await until(async () => runs === 2 && (await jobRow(t, kind, 'k2'))?.state === 'done');
    expect(runs).toBe(2); // the first run, then the one asked for during it
    expect(await jobRow(t, kind, 'k2')).toMatchObject({ state: 'done', rerun: false });

    await expect(runner.runAndWait(kind, 'bad')).rejects.toThrow(`job ${kind} bad failed: no such thing`);
    expect(await jobRow(t, kind, 'bad')).toMatchObject({ state: 'failed', attempts: 1, lease_owner: null, last_error: 'no such thing' });
    // asked for again: a new request starts from its first attempt
    await expect(runner.runAndWait(kind, 'bad')).rejects.toThrow('no such thing');
    expect(await jobRow(t, kind, 'bad')).toMatchObject({ state: 'failed', attempts: 1 });
  });
});
