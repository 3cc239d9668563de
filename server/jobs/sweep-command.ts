import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createDb } from '../db/create-db.ts';
import { registeredSweeps, runSweeps } from './job-registry.ts';
import { registerModuleSweeps } from './sweeps.ts';

/**
 * `tsx server/cli.ts sweep [name …]`: runs the registered sweeps once (all, or the named ones), each recorded in
 * job_runs like the scheduler's runs; prints one line per sweep; exit code 1 when one failed. For a cron job on a
 * deployment that does not keep the server running, or to catch up after an outage.
 */
export async function sweepCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  registerModuleSweeps();
  if (registeredSweeps().length === 0) {
    console.log('No sweep is registered.');
    return 0;
  }
  const db = createDb(loadConfig().database);
  try {
    const reports = await runSweeps(db, new Date(), { trigger: 'cli', only: positionals.length ? positionals : undefined });
    for (const r of reports) {
      console.log(r.outcome === 'success' ? `ok      ${r.name}: ${r.changed} changed` : `FAILED  ${r.name}: ${r.errorCode}`);
      if (r.error) console.error(r.error);
    }
    return reports.some((r) => r.outcome === 'failure') ? 1 : 0;
  } finally {
    await db.destroy();
  }
}
