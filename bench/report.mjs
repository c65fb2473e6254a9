// The readable form of a bench result: one table per measurement, times in milliseconds.

function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((_, col) => Math.max(...cells.map((row) => row[col].length)));
  const line = (row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const timing = (name, s) => [name, s.n, s.p50, s.p95, s.min, s.max];
const TIMING_HEADERS = ['', 'n', 'p50 ms', 'p95 ms', 'min ms', 'max ms'];

function overheadRows(label, result) {
  return [
    [`${label} direct`, result.direct.ttfb.p50, result.direct.ttfb.p95, result.direct.total.p50, result.direct.total.p95, result.direct.requestsPerSecond],
    [`${label} proxied`, result.proxied.ttfb.p50, result.proxied.ttfb.p95, result.proxied.total.p50, result.proxied.total.p95, result.proxied.requestsPerSecond],
    [`${label} added`, result.added.ttfbP50, result.added.ttfbP95, result.added.totalP50, result.added.totalP95, ''],
  ];
}

/** The launch figures (bench/launch-startup.mjs): wall time to the stand-in claude, and the launcher's CPU by then. */
export function formatLaunch(launch) {
  const row = (name, figure) => [name, figure.wall.n, figure.wall.p50, figure.wall.p95, figure.cpu.p50, figure.cpu.p95];
  return [
    'Launch: spawn to the stand-in claude starting (serve: to its first 200; wall ms), and the launcher\'s main-thread CPU ms by then',
    table(
      ['', 'n', 'wall p50', 'wall p95', 'cpu p50', 'cpu p95'],
      [
        row('node spawning claude (floor)', launch.bareNode),
        row('oss run -p hi --model claude', launch.claudeRun),
        row('oss run, proxied model', launch.proxiedRun),
        row('oss serve to its first 200', launch.serveFirst200),
      ],
    ),
  ].join('\n');
}

export function formatReport(result) {
  const { machine, cli, lifecycle, streaming, nonStreaming, memory } = result;
  const overheadHeaders = ['', 'ttfb p50', 'ttfb p95', 'total p50', 'total p95', 'req/s'];
  return [
    `oss bench, ${result.date}: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ${machine.platform}, load ${machine.loadAverage.join(' ')}`,
    `request body: ${result.requestBytes} bytes Anthropic (${result.upstreamBytes} bytes as sent upstream); answer: 200 text chunks + 1 tool call`,
    '',
    'CLI start-up (whole process, wall time)',
    table(TIMING_HEADERS, [timing('node -e ""', cli.nodeBaseline), timing('oss --version', cli.version), timing('oss run --dry-run', cli.dryRun), ...(cli.statusline ? [timing('oss statusline (no run)', cli.statusline)] : [])]),
    '',
    formatLaunch(result.launch),
    '',
    'Module load (a process that only imports the module; wall time and peak RSS)',
    table(
      [...TIMING_HEADERS, 'peak rss MB'],
      [
        [...timing('node:os (baseline)', cli.nodeBaselineRss), cli.nodeBaselineRss.maxRssMb],
        [...timing('dist/proxy/model-proxy.js', cli.proxyImport), cli.proxyImport.maxRssMb],
        [...timing('gpt-tokenizer o200k_base', cli.tokenizerImport), cli.tokenizerImport.maxRssMb],
      ],
    ),
    '',
    `Proxy lifecycle (in process; port free after shutdown in ${lifecycle.portsFreed}/${lifecycle.runs} runs)`,
    table(TIMING_HEADERS, [timing('start()', lifecycle.start), timing('shutdown()', lifecycle.shutdown)]),
    '',
    `Streaming requests (ms; ${streaming.sequential.direct.total.n} each way sequential, ${streaming.concurrent.direct.total.n} each way at concurrency ${streaming.concurrency})`,
    table(overheadHeaders, [...overheadRows('seq', streaming.sequential), ...overheadRows(`c${streaming.concurrency}`, streaming.concurrent)]),
    '',
    `Non-streaming requests (ms; ${nonStreaming.direct.total.n} each way sequential)`,
    table(overheadHeaders, overheadRows('seq', nonStreaming)),
    '',
    'count_tokens (answered by the proxy with a local tokenizer; same body, sequential)',
    table(TIMING_HEADERS, [timing('count_tokens', result.countTokens)]),
    '',
    `Proxy process memory over ${memory.requests} streaming requests at concurrency ${memory.concurrency} (after GC)`,
    table(
      ['requests', 'rss MB', 'heap MB', 'external MB'],
      memory.samples.map((s) => [s.requests, s.rssMb, s.heapUsedMb, s.externalMb]),
    ),
    `heap growth ${memory.heapGrowthMb} MB, rss growth ${memory.rssGrowthMb} MB, peak rss ${memory.peakRssMb} MB; proxy CPU ${memory.cpuMsPerRequest} ms per request; usage events ${result.usageEvents} (failed ${result.failedEvents}) for ${result.proxiedRequests} proxied requests`,
  ].join('\n');
}
