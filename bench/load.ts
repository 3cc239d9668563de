import http from 'node:http';

// A closed-loop load client: `concurrency` workers over keep-alive connections, each sending its next request
// when the previous answer has arrived, for a fixed time (and never more than `maxRequests`). Loopback only.

/**
 * One request: a GET path, or a POST of a JSON body (serialized once, up front). A search text that may carry a
 * citizen id goes in a POST body, never in a URL (security.md item 25).
 */
export type LoadRequest = string | { method: 'POST'; path: string; json: string };

/** A POST of `body` as JSON to `path`. */
export function postJson(path: string, body: unknown): LoadRequest {
  return { method: 'POST', path, json: JSON.stringify(body) };
}

export interface LoadOptions {
  port: number;
  /** The next request (called once per request). */
  nextRequest: () => LoadRequest;
  headers?: Record<string, string>;
  concurrency: number;
  durationMs: number;
  /** A hard bound on the number of requests, whatever the duration. */
  maxRequests: number;
  /** Requests sent and discarded before measuring (connections open, caches and JIT warm). */
  warmupMs?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function send(agent: http.Agent, port: number, r: LoadRequest, headers: Record<string, string>): Promise<number> {
  const { method, path, json } = typeof r === 'string' ? { method: 'GET', path: r, json: undefined } : r;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: json === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout on ${path}`)));
    req.on('error', reject);
    req.end(json);
  });
}

/** The q-th quantile of sorted values (nearest rank). */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function phase(agent: http.Agent, o: LoadOptions, durationMs: number, record: boolean) {
  const latencies = new Float64Array(record ? o.maxRequests : 0);
  const statuses: Record<string, number> = {};
  let count = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (performance.now() < deadline && count < o.maxRequests) {
      const t0 = performance.now();
      let status: number;
      try {
        status = await send(agent, o.port, o.nextRequest(), o.headers ?? {});
      } catch {
        status = 0;
      }
      const ms = performance.now() - t0;
      if (!record) continue;
      if (count < o.maxRequests) latencies[count] = ms;
      count++;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status < 200 || status >= 300) errors++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.subarray(0, Math.min(count, o.maxRequests)).sort();
  return {
    requests: count,
    errors,
    statuses,
    seconds,
    rps: count / seconds,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency, maxFreeSockets: o.concurrency });
  try {
    if (o.warmupMs) await phase(agent, o, o.warmupMs, false);
    return await phase(agent, o, o.durationMs, true);
  } finally {
    agent.destroy();
  }
}

/** One request, for probing a route and logging in. */
export function request(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...headers, ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout on ${path}`)));
    req.on('error', reject);
    req.end(data);
  });
}
