/**
 * Shared by the proxy tests: web handlers served over real HTTP on 127.0.0.1 (port 0), a recording
 * fake of the API, and a real redis-server started for the test and stopped after it.
 */
import { serve } from '@hono/node-server';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a web-standard handler with Node's own HTTP server, as a partner's Node backend would. */
const listen = async (handler: (request: Request, env?: unknown) => Response | Promise<Response>): Promise<Served> => {
  const server = serve({ fetch: handler, hostname: '127.0.0.1', port: 0 }) as Server;
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a hanging upstream keeps its socket open otherwise
      }),
  };
};

/** `listen`, closed when the file's tests are done. */
export const servers = () => {
  const open: Served[] = [];
  afterAll(async () => {
    await Promise.all(open.splice(0).map((served) => served.close()));
  });
  return async (handler: Parameters<typeof listen>[0]) => {
    const served = await listen(handler);
    open.push(served);
    return served;
  };
};

export interface Recorded {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
}

export const API_DATE = 'Mon, 23 Nov 2026 18:00:00 GMT';

/** A fake API that records what reaches it and answers with a fixed status and body (and a Date, and a header that must not pass). */
export const recordingApi = (status = 201, answer: unknown = { success: true, data: { ok: 1 } }) => {
  const received: Recorded[] = [];
  const handler = async (request: Request) => {
    const text = await request.text();
    received.push({ url: new URL(request.url), method: request.method, headers: request.headers, body: text ? JSON.parse(text) : undefined });
    return new Response(JSON.stringify(answer), {
      status,
      headers: { 'content-type': 'application/json', date: API_DATE, 'x-internal': 'secret' },
    });
  };
  return { received, handler };
};

const freePort = async (): Promise<number> => {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

export interface RedisServer {
  port: number;
  stop(): Promise<void>;
}

/**
 * A real redis-server of our own on a free loopback port (or `port`, to start it again where it was), with a temp dir and no persistence. CI
 * installs the binary (.ci/run); a missing one fails loudly rather than skipping the multi-instance tests.
 */
export const startRedis = async (options: { port?: number } = {}): Promise<RedisServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'offramp-redis-'));
  // The probed port can be taken before redis binds it: try a few. A given port (a restart) is tried alone.
  for (let attempt = 0; attempt < (options.port ? 1 : 3); attempt += 1) {
    const port = options.port ?? (await freePort());
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--logfile', ''],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const ready = await new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`cannot start redis-server (apt-get install redis-server): ${error.message}`));
      });
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (ready) {
      return {
        port,
        stop: async () => {
          if (child.exitCode === null) {
            child.kill('SIGTERM');
            await once(child, 'exit');
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error('redis-server did not start on a free loopback port');
};

/** Waits until `condition` holds, polling; fails after `timeoutMs` (generous: CI shares its machine). */
export const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
