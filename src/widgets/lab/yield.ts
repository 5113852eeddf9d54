/**
 * Give the browser a turn (input, rendering) without waiting for the next animation frame: a
 * MessageChannel message is a task of its own, so pending events run first, yet it costs well
 * under a millisecond (requestAnimationFrame would cost up to 16 ms per call; setTimeout(0) is
 * clamped to 4 ms once nested).
 */
const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;
const waiting: (() => void)[] = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

export function yieldToBrowser(): Promise<void> {
  if (!channel) return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

/** Longest stretch of work, in ms, between two turns given to the browser by `yieldIfDue`. */
export const SLICE_MS = 10;
let sliceStart = typeof performance !== 'undefined' ? performance.now() : 0;

/**
 * Give the browser a turn only when the current stretch of work has run for SLICE_MS: call it
 * after every small unit of work (a step, a batch) and no task lasts much longer than that.
 */
export async function yieldIfDue(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return;
  await yieldToBrowser();
  sliceStart = performance.now();
}
