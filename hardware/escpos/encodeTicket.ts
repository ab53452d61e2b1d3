import { wrapText } from '../text/wrapText'
import {
  characterSize,
  emphasize,
  feedLines,
  fullCut,
  initialize,
  justify,
  kanjiOff,
  LF,
  partialCut,
  qrCode,
  selectCodePage,
} from './commands'
import { EscPosText, forPrinter, printerColumns } from './escposText'
import { DEFAULT_TICKET_PRINT_OPTIONS, type TicketLayout, type TicketPrintOptions } from './ticketLayout'

/** PC437, the code page every ESC/POS printer has as table 0. */
const CODE_PAGE_PC437 = 0

/**
 * Encodes a ticket as ESC/POS: initialise (and leave Kanji mode), centred branch name, the number large, the service,
 * then (left-aligned) the people ahead, the estimate, the time issued, the documents to have
 * ready and the calling note, then a native QR code to the live status page and a partial cut.
 * A typical Chinese ticket is 500–700 bytes, under a second of wire time even at 9600 baud.
 *
 * @example
 * const bytes = encodeTicket(layout)
 * bytes.slice(0, 4) //=> Uint8Array [0x1b, 0x40, 0x1c, 0x2e]   (ESC @, FS .)
 */
export function encodeTicket(
  layout: TicketLayout,
  options: TicketPrintOptions = DEFAULT_TICKET_PRINT_OPTIONS,
): Uint8Array {
  const out: number[] = []
  const text = new EscPosText(out)
  const columns = Math.max(8, options.columns)
  const paragraph = (s: string, width = columns): void => {
    if (s.trim() === '') return
    // Replaced before wrapping: a '?' takes one column, the character it stands for two.
    for (const line of wrapText(forPrinter(s, options.charset).text, width, printerColumns)) {
      text.write(line)
      out.push(LF)
    }
  }

  // Printers whose GB18030 firmware starts in Chinese mode do not always leave it on ESC @:
  // FS . says so explicitly before the first single-byte text (and the code page it reads in).
  out.push(...initialize(), ...kanjiOff(), ...selectCodePage(CODE_PAGE_PC437), ...justify('center'))
  out.push(...emphasize(true))
  paragraph(layout.branchName)
  out.push(...emphasize(false))

  const scale = Math.max(1, Math.round(options.numberScale))
  out.push(...characterSize(scale, scale))
  paragraph(layout.number, Math.floor(columns / scale))
  out.push(...characterSize(1, 1))
  paragraph(layout.serviceName)

  out.push(...justify('left'))
  paragraph(layout.peopleAhead)
  paragraph(layout.estimate)
  paragraph(layout.issuedAt)
  for (const line of layout.lines) paragraph(line)
  if (layout.documents.length > 0) {
    paragraph(layout.documentsTitle)
    // Numbered rather than bulleted: digits print the same in every code page.
    layout.documents.forEach((doc, i) => paragraph(`${i + 1}. ${doc}`))
  }
  paragraph(layout.callingNote)

  out.push(...justify('center'))
  if (layout.qr !== null) {
    text.end()
    out.push(...qrCode(new TextEncoder().encode(layout.qr.url), options.qrModuleSize, 'M'))
    paragraph(layout.qr.caption)
  }
  paragraph(layout.footer)
  text.end()
  out.push(...feedLines(1), ...(options.cut === 'full' ? fullCut() : partialCut()))
  return Uint8Array.from(out)
}
