/** A column of a report table; numeric columns are right-aligned with tabular figures. */
export interface TableColumn {
  readonly label: string
  readonly numeric: boolean
  /** A customer's own words, any length: a few lines on screen and a button to read the whole. */
  readonly long?: boolean
}

/**
 * A table behind a chart (or a section's own table): already formatted cells, the first cell of
 * each row naming it (a row header for screen readers).
 */
export interface TableData {
  readonly columns: readonly TableColumn[]
  readonly rows: readonly (readonly string[])[]
}

/**
 * Columns from labels: the first names the rows, the rest are figures.
 *
 * @example
 * columnsOf(['Hour', 'Arrivals']) //=> [{ label: 'Hour', numeric: false }, { label: 'Arrivals', numeric: true }]
 */
export function columnsOf(labels: readonly string[]): TableColumn[] {
  return labels.map((label, i) => ({ label, numeric: i > 0 }))
}

/**
 * Columns of words (names, notes, times of day), left-aligned like text.
 *
 * @example
 * textColumns(['Counter', 'Teller']) //=> [{ label: 'Counter', numeric: false }, { label: 'Teller', numeric: false }]
 */
export function textColumns(labels: readonly string[]): TableColumn[] {
  return labels.map((label) => ({ label, numeric: false }))
}
