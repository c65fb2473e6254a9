// GET /<secret>/oss/status: the run's live totals for `oss statusline`. Registered under the secret prefix,
// so the guard in secret-and-host-guard.ts applies to it as to every other route.
import type { FastifyPluginAsync } from 'fastify';
import type { RunStatus } from './run-status.js';

export interface StatusRouteOptions {
  status: () => RunStatus;
}

export const STATUS_PATH = '/oss/status';

export const statusRoute: FastifyPluginAsync<StatusRouteOptions> = async (app, options) => {
  app.get(STATUS_PATH, async (_request, reply) => reply.header('cache-control', 'no-store').send(options.status()));
};
