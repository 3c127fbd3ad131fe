/** The load generator's process (see load.ts): one warm-up run, one measured run, one message back. */
import autocannon from 'autocannon';
import type { LoadOptions, LoadResult } from './load';

process.once('message', async (raw) => {
  const opts = raw as LoadOptions;
  const base = { url: opts.url, connections: opts.connections, pipelining: 1 };
  if (opts.warmupSeconds > 0) await autocannon({ ...base, duration: opts.warmupSeconds });
  const r = await autocannon({ ...base, duration: opts.durationSeconds });
  const result: LoadResult = {
    rps: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  process.send?.(result, () => process.disconnect());
});
