import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { createApiClient } from '../src/client';
import { generateDemo } from './generator';
import { DemoError, loadDemo, type Progress } from './load';

const HELP = `npm run demo -- [options]

Loads a generated, realistic network into a running CNO analytics service through its public API,
then prints the dashboard's address and the key to open it with.

  --url <url>          the service (default: http://localhost:$PORT, PORT defaulting to 3000)
  --key <key>          an admin key (default: $ADMIN_API_KEY, else the admin-api-key file that
                       npm start writes in $DATA_DIR, default ./data)
  --network <key>      the network to create (default: demo; it must not exist yet)
  --size full|small    full (default): ~130 members, 7 groups, 6 months; small: a quick sample
  --seed <n>           the random seed (default 42): the same seed gives the same network
  --live <seconds>     keep ingesting activities dated now for this long at the end, so the live
                       counters move (default 60; 0 to skip)
  --help`;

function defaultKey(): string | undefined {
  if (process.env.ADMIN_API_KEY) return process.env.ADMIN_API_KEY;
  const file = resolve(process.env.DATA_DIR ?? './data', 'admin-api-key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: `http://localhost:${process.env.PORT ?? 3000}` },
      key: { type: 'string' },
      network: { type: 'string', default: 'demo' },
      size: { type: 'string', default: 'full' },
      seed: { type: 'string', default: '42' },
      live: { type: 'string', default: '60' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const url = values.url.replace(/\/+$/, '');
  const key = values.key ?? defaultKey();
  if (!key) throw new DemoError('no key: pass --key, set ADMIN_API_KEY, or start the service once with npm start (it writes data/admin-api-key)');
  if (values.size !== 'full' && values.size !== 'small') throw new DemoError('--size is full or small');
  const seed = Number(values.seed);
  const liveSeconds = Number(values.live);
  if (!Number.isInteger(seed) || !Number.isFinite(liveSeconds) || liveSeconds < 0) throw new DemoError('--seed is an integer and --live a number of seconds');

  try {
    const ready = await fetch(`${url}/health/ready`);
    if (!ready.ok) throw new DemoError(`${url}/health/ready answered ${ready.status}`);
  } catch (error) {
    if (error instanceof DemoError) throw error;
    throw new DemoError(`cannot reach the service at ${url}: start it with npm start, or pass --url`);
  }

  const dataset = generateDemo({ network: values.network, seed, size: values.size });
  console.log(
    `Loading network "${values.network}" into ${url}: ${dataset.directory.length} members, groups and memberships, ${dataset.activities.length} activities, ${dataset.objectives.length} objectives, ${dataset.profiles.length} profiles`,
  );
  const bars = new MultiBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total}', hideCursor: true, clearOnComplete: false }, Presets.shades_classic);
  const phases = new Map<string, ReturnType<MultiBar['create']>>();
  const labels = { setup: 'setup  ', history: 'history', live: 'live   ' };
  const progress: Progress = (phase, done, total) => {
    let bar = phases.get(phase);
    if (!bar) {
      bar = bars.create(total, 0, { phase: labels[phase] });
      phases.set(phase, bar);
      if (phase === 'live') bars.log(`Open the dashboard now: the live counters move while the demo ingests (${url}/dashboard?network=${values.network})\n`);
    }
    bar.setTotal(total);
    bar.update(done, { phase: labels[phase] });
  };
  try {
    const report = await loadDemo(createApiClient(url, key), dataset, { liveSeconds, seed, progress });
    bars.stop();
    console.log(`\nLoaded ${report.records} records into "${report.network}".`);
  } catch (error) {
    bars.stop();
    throw error;
  }
  console.log(`\nDashboard: ${url}/dashboard?network=${encodeURIComponent(values.network)}`);
  console.log(`Key:       ${key}`);
  console.log('\nPaste the key in the dashboard (it stays in that browser tab only).');
}

main().catch((error: unknown) => {
  console.error(error instanceof DemoError ? `demo: ${error.message}` : error);
  process.exit(1);
});
