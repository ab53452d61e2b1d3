/** One headline figure; `tone` marks a figure that met (ok) or missed (warn) its goal. */
export interface KpiTile {
  readonly key: string
  readonly label: string
  readonly value: string
  readonly hint?: string
  readonly tone?: 'ok' | 'warn' | null
}
