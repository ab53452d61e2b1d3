import type { PrinterCharset } from './escposText'
import type { Language } from '../../shared/domain/text'

/**
 * A ticket as the customer reads it, already localised by the hub: the hardware layer only
 * lays it out and encodes it, it never chooses words. Every field is one printed block, in the
 * order below.
 */
export interface TicketLayout {
  /** The language the customer chose; the hub has already written every string in it. */
  readonly language: Language
  readonly branchName: string
  /** The ticket number, printed large: "A023". */
  readonly number: string
  readonly serviceName: string
  /** "您前面还有 5 人" / "Ahead of you: 5 people". */
  readonly peopleAhead: string
  /** The estimate with its range: "预计等候:约 8–15 分钟". */
  readonly estimate: string
  /** "取号时间 2026-11-24 09:12". */
  readonly issuedAt: string
  /** Extra lines after the estimate (a priority class, an appointment time); may be empty. */
  readonly lines: readonly string[]
  /** "请提前准备" — printed only when there are documents. */
  readonly documentsTitle: string
  readonly documents: readonly string[]
  /** How the customer will be called and the grace rule for a missed call. */
  readonly callingNote: string
  /** The live status page, printed as a native QR code with a caption under it. */
  readonly qr: { readonly url: string; readonly caption: string } | null
  /** A closing line ("感谢您的耐心等候"); empty for none. */
  readonly footer: string
}

/** Every text of a ticket, in print order (to check what a printer can print of it). */
export function layoutTexts(l: TicketLayout): string[] {
  return [
    l.branchName,
    l.number,
    l.serviceName,
    l.peopleAhead,
    l.estimate,
    l.issuedAt,
    ...l.lines,
    ...(l.documents.length > 0 ? [l.documentsTitle, ...l.documents] : []),
    l.callingNote,
    ...(l.qr === null ? [] : [l.qr.caption]),
    l.footer,
  ]
}

/** How a particular printer is driven: paper width, sizes, cut. */
export interface TicketPrintOptions {
  /** Columns of the normal font: 48 on 80 mm paper (576 dots, 12-dot font), 32 on 58 mm. */
  readonly columns: number
  /** How many times wider and higher the number is printed. */
  readonly numberScale: number
  /** QR module size in dots (1–16); 6 gives a code about 22 mm wide for a status URL. */
  readonly qrModuleSize: number
  readonly cut: 'partial' | 'full'
  /** The Chinese character set of the printer's firmware (`escposText.ts`: `PRINTER_CHARSETS`). */
  readonly charset: PrinterCharset
}

export const DEFAULT_TICKET_PRINT_OPTIONS: TicketPrintOptions = {
  columns: 48,
  numberScale: 3,
  qrModuleSize: 6,
  cut: 'partial',
  charset: 'gb18030',
}
