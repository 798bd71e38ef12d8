/**
 * Documents are rendered one at a time, each on its way to the browser
 * before the next one is rendered. Node has one thread: when both tabs
 * asked for their first chunk together, the second chunk's rendering ran
 * while the first waited on its fonts and its file, and the first tab's
 * document reached the browser only after both were rendered. Taken in
 * turns, the first tab starts printing one rendering earlier, and the
 * second as early as before.
 */
export class RenderTurns {
  #last: Promise<void> = Promise.resolve();

  /**
   * Waits for the turns taken before this one to end, and returns the
   * function that ends this one: call it once the document is on its way to
   * the browser, or as soon as Node has nothing more to do for it (the
   * document is waiting for the browser or a tab to start, or failed).
   * Calling it again does nothing.
   */
  async take(): Promise<() => void> {
    const previous = this.#last;
    let end!: () => void;
    this.#last = new Promise((resolve) => (end = resolve));
    await previous;
    return end;
  }
}
