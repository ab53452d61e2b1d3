import { spawn, type ChildProcess } from 'node:child_process'

/**
 * A TypeScript entry point in its own process (node with tsx's loader, one process, so SIGKILL
 * kills the server itself), resolved once it prints `READY <url>`.
 */
export function startChild(
  entry: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`${entry} did not start: ${err}`)), 60_000)
    child.stdout?.on('data', (d: Buffer) => {
      out += String(d)
      const m = /READY .*?(http:\/\/\S+)/.exec(out)
      if (m?.[1] !== undefined) {
        clearTimeout(timer)
        resolve({ child, url: m[1] })
      }
    })
    child.stderr?.on('data', (d: Buffer) => (err += String(d)))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${entry} exited ${code}: ${err}`))
    })
  })
}

/** SIGKILL, and wait until the process is gone. */
export async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill(signal)
  await gone
}
