/**
 * Fault injection: what a network and a struggling server do to answers, on demand, so a client's
 * recovery can be tested against the same sandbox that keeps the orders.
 */
import type { ApiErrorRow } from '../api/errors';
import { errorBody } from '../api/errors';

export type SandboxFault =
  /** Answer this error row without doing the work (with a `Retry-After`, as a rate limiter would). */
  | { kind: 'error'; error: ApiErrorRow; retryAfterSeconds?: number }
  /** Do the work, then lose the connection: the caller never hears that it succeeded. */
  | { kind: 'drop' }
  /** Do the work, then send only half of the answer's bytes. */
  | { kind: 'truncate' }
  /** Do the work, then send the answer with its numbers as words. */
  | { kind: 'wrong-types' }
  /** Answer a gateway's page of this status (not JSON) without doing the work. */
  | { kind: 'gateway'; status: number };

export interface FaultRule {
  method: string;
  /** The API path, e.g. API_PATHS.offRamp. */
  path: string;
  fault: SandboxFault;
  /** How many matching requests it hits; default 1. */
  times?: number;
}

/** Raised instead of an answer by a `drop` fault: `fetch` rejects like a broken connection. */
export class DroppedConnection extends TypeError {
  constructor() {
    super('sandbox: connection dropped after the request was processed');
  }
}

const wordsForNumbers = (value: unknown): unknown => {
  if (typeof value === 'number') return 'not a number';
  if (Array.isArray(value)) return value.map(wordsForNumbers);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wordsForNumbers(inner)]));
  }
  return value;
};

export const createFaults = () => {
  const rules: (FaultRule & { left: number })[] = [];

  const take = (request: Request): SandboxFault | undefined => {
    const path = new URL(request.url).pathname;
    const index = rules.findIndex((rule) => rule.method === request.method && path.endsWith(rule.path));
    if (index < 0) return undefined;
    const rule = rules[index]!;
    rule.left -= 1;
    if (rule.left <= 0) rules.splice(index, 1);
    return rule.fault;
  };

  return {
    inject: (rule: FaultRule) => void rules.push({ ...rule, left: rule.times ?? 1 }),
    clear: () => void rules.splice(0),
    /** Runs `handle` through the first fault that matches the request, if any. */
    async apply(request: Request, handle: (request: Request) => Promise<Response>): Promise<Response> {
      const fault = take(request);
      if (!fault) return handle(request);
      switch (fault.kind) {
        case 'error': {
          const headers: Record<string, string> = {};
          if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
          return Response.json(errorBody(fault.error), { status: fault.error.status, headers });
        }
        case 'gateway':
          return new Response(`<html><body><h1>${fault.status}</h1></body></html>`, {
            status: fault.status,
            headers: { 'content-type': 'text/html' },
          });
        case 'drop':
          await handle(request);
          throw new DroppedConnection();
        case 'truncate': {
          const response = await handle(request);
          const text = await response.text();
          return new Response(text.slice(0, Math.floor(text.length / 2)), response);
        }
        case 'wrong-types': {
          const response = await handle(request);
          const body = (await response.json()) as { data?: unknown };
          return Response.json({ ...body, data: wordsForNumbers(body.data) }, response);
        }
      }
    },
  };
};
