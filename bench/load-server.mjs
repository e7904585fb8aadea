/**
 * `node bench/load-server.mjs <partner app folder> sandbox`, or `… proxy <sandbox URL>`: serves the
 * package the app installed, its sandbox or its proxy in front of that sandbox, on a loopback port
 * of its own, in this process alone, and prints its URL. For the bench's throughput row; it stops
 * when told to, and after five minutes at most.
 */
import { serve } from '@hono/node-server';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [folder, role, upstream] = process.argv.slice(2);
if (!folder || (role !== 'sandbox' && role !== 'proxy')) throw new Error('usage: load-server.mjs <app folder> sandbox|proxy [upstream]');
const fromApp = (specifier) => import(pathToFileURL(createRequire(join(folder, 'package.json')).resolve(specifier)).href);

const { createSandbox, SANDBOX_FIXTURES } = await fromApp('offramp-widget/sandbox');
const handler =
  role === 'sandbox'
    ? createSandbox()
    : (await fromApp('offramp-widget/proxy')).createOffRampProxy({
        upstream,
        apiKey: SANDBOX_FIXTURES.apiKey,
        resolveUserId: () => SANDBOX_FIXTURES.verifiedUserId,
        rateLimits: false,
        logger: () => undefined,
      });

const server = serve({ fetch: handler, hostname: '127.0.0.1', port: 0 }, ({ port }) => console.log(`http://127.0.0.1:${port}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
setTimeout(stop, 5 * 60_000).unref();
