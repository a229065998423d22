import type { DeliveryPass } from "./dispatcher.js";

export type DeliveryLoop = { kick: () => void; stop: () => Promise<void> };

/**
 * Runs `pass` every `everyMs` and whenever kicked, never two at once: a kick during a pass runs
 * one more pass after it, and a full pass (as many rows as its limit) is followed at once by another.
 */
export const startDeliveryLoop = (
  pass: () => Promise<DeliveryPass>,
  { everyMs, limit, onError }: { everyMs: number; limit: number; onError: (error: unknown) => void },
): DeliveryLoop => {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const drain = async () => {
    do {
      again = false;
      const result = await pass().catch((error: unknown) => {
        onError(error);
        return null;
      });
      if (result && result.claimed >= limit) again = true;
    } while (again && !stopped);
  };

  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => {
      running = null;
      // A kick that landed between the last pass and here must not be lost.
      if (again) kick();
    });
  };

  const timer = setInterval(kick, everyMs);
  return {
    kick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
};
