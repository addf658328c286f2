/** Polls until the condition holds; rejects with `what` after timeoutMs. Beats fixed sleeps for flakiness. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs: number, intervalMs = 5): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
