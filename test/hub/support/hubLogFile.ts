import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

export type LogLine = Record<string, unknown> & { level: number; msg?: string; event?: string; reqId?: string }

/** Every line of the hub's log files under `<dataDir>/logs`, oldest file first. */
export async function hubLogText(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'logs')
  const names = (await readdir(dir)).filter((n) => /^hub\..*\.log$/.test(n)).sort()
  const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')))
  return texts.join('')
}

export async function hubLogLines(dataDir: string): Promise<LogLine[]> {
  return (await hubLogText(dataDir))
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as LogLine)
}

/** Waits (up to 10 s) for a line the log writes asynchronously. */
export async function untilLogged(dataDir: string, match: (line: LogLine) => boolean, what: string): Promise<LogLine> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const found = (await hubLogLines(dataDir).catch(() => [])).find(match)
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(`the hub log never had ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
