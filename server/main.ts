import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { DiskCache } from './cache/disk-cache.ts';
import { readServerConfig, type ServerConfig } from './config.ts';
import { ProxyError } from './errors.ts';
import { SnapshotSource } from './sources/snapshot-source.ts';
import { YahooPriceSource } from './sources/yahoo-source.ts';

/** How long a shutdown waits for open requests before exiting anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

// stdout carries exactly one line (the URL) for scripts and tests to read; the log goes to stderr.
const log = (line: string) => console.error(`[kabuto] ${line}`);
const now = () => new Date();

function start(config: ServerConfig): void {
  const live = config.mode === 'snapshot' ? undefined : new YahooPriceSource({ now, log, timeoutMs: config.upstreamTimeoutMs });
  const app = createApp({
    mode: config.mode,
    sources: { snapshot: new SnapshotSource(config.snapshotDir), live },
    cacheDir: config.cacheDir,
    staticDir: config.staticDir,
    now,
    log,
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    console.log(`Kabuto listening on http://${urlHost(config.host)}:${info.port}`);
    log(`prices from ${config.mode === 'snapshot' ? `the offline snapshot (${config.snapshotDir})` : `Yahoo Finance (${config.mode} mode), cache ${config.cacheDir}`}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    log(`cannot listen on ${config.host}:${config.port}: ${error.code === 'EADDRINUSE' ? 'the port is in use (set PORT to another one)' : error.message}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, closing`);
    server.close(() => process.exit(0));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // A stray rejection (an abandoned upstream call failing late) must not take the server down.
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`));
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

try {
  const config = readServerConfig(process.env);
  const removed = await new DiskCache(config.cacheDir, log).removeLeftovers();
  if (removed > 0) log(`cache: removed ${removed} temporary file(s) left by an interrupted write`);
  start(config);
} catch (error) {
  log(error instanceof ProxyError ? error.message : `cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
