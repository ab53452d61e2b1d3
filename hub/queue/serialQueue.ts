/**
 * Runs async tasks one at a time, in the order given. The hub's commands go through one of
 * these: Node is single-threaded, but a command awaits its fsync, and another must not decide
 * against the state in between.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.catch(() => undefined)
    return result
  }
}
