/** modbus-serial ships this helper without types; it is CRC-16/MODBUS over a buffer. */
declare module 'modbus-serial/utils/crc16.js' {
  export default function crc16(buffer: Buffer): number
}
