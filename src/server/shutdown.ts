import type { FastifyInstance } from 'fastify';

/** A drain that takes longer than this is cut short rather than hanging a deployment. */
const CLOSE_TIMEOUT_MS = 10_000;
const IDLE_SWEEP_MS = 50;

/**
 * On SIGINT/SIGTERM: stop accepting connections, answer every request already accepted
 * (visits are acknowledged only after their commit), close the stores, exit 0.
 */
export function closeOnSignals(app: FastifyInstance, timeoutMs = CLOSE_TIMEOUT_MS): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: beantworte laufende Anfragen und beende den Server`);
      setTimeout(() => process.exit(1), timeoutMs).unref();
      // A keep-alive connection whose request finishes after close() began would stay open
      // until its timeout; close each one as soon as it is idle.
      const sweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
      void app.close().then(() => {
        clearInterval(sweep);
        process.exit(0);
      });
    });
  }
}
