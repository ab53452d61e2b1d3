/* global console, Buffer, URL */
// Draws build/icon.png (512×512), the app icon electron-builder turns into the Windows .ico and
// the Linux icons: a white queue ticket on a blue rounded square. Plain code, no downloads:
//   node build/make-icon.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const BLUE = [11, 83, 148, 255]
const WHITE = [255, 255, 255, 255]
const INK = [11, 83, 148, 255]
const RED = [204, 51, 51, 255]
const CLEAR = [0, 0, 0, 0]

/** Inside a rounded rectangle [x0, x1) × [y0, y1) with corner radius r. */
function inRounded(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r - 1)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r - 1)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

function pixel(x, y) {
  if (!inRounded(x, y, 16, 16, 496, 496, 96)) return CLEAR
  const ticket = inRounded(x, y, 136, 96, 376, 416, 28)
  // The tear-off notches on the ticket's sides.
  const notch = (x - 136) ** 2 + (y - 300) ** 2 < 24 ** 2 || (x - 376) ** 2 + (y - 300) ** 2 < 24 ** 2
  if (!ticket || notch) return BLUE
  if (inRounded(x, y, 176, 136, 336, 236, 14)) return RED // the number
  if (y >= 300 && y < 304 && x >= 170 && x < 342 && Math.floor(x / 12) % 2 === 0) return INK // perforation
  if (inRounded(x, y, 176, 336, 336, 352, 8) || inRounded(x, y, 176, 368, 296, 384, 8)) return INK // text lines
  return WHITE
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0
  for (let x = 0; x < SIZE; x++) {
    const [r, g, b, a] = pixel(x, y)
    raw.set([r, g, b, a], y * (SIZE * 4 + 1) + 1 + x * 4)
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('./icon.png', import.meta.url), png)
console.log(`build/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`)
