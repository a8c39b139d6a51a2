import type { FastifyBaseLogger } from 'fastify';

/** Runs `work` now and every `seconds`, never two at once in this process; a failure is logged, not fatal. */
export function every(seconds: number, name: string, log: FastifyBaseLogger, work: () => Promise<Record<string, number> | void>) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await work();
      if (r && Object.values(r).some((n) => n > 0)) log.info(r, name);
    } catch (err) {
      log.error({ err }, `${name} failed`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), seconds * 1000);
  void tick();
  return { stop: () => clearInterval(timer) };
}
