/**
 * Device emulators for tests: each sits on the far end of a real PTY pair (or a TCP port) and
 * speaks its device's protocol byte for byte. The hub's end-to-end tests use them too.
 */
export { PtyPair } from './ptyPair'
export { EmulatedDevice } from './deviceEnd'
export { EscPosPrinterEmulator, type ReceivedTicket } from './escposPrinterEmulator'
export { EscPosDecoder, type PrintedLine, type PrintedQr, type PrintedTicket } from './escposDecoder'
export { ModbusSlaveEmulator, modbusCrc } from './modbusSlaveEmulator'
export { CounterBoardEmulator, Ff68Emulator, FF68_CODES } from './framedEmulators'
export { CustomerDisplayEmulator } from './customerDisplayEmulator'
export { waitFor, sleep } from './waitFor'
export { CardReaderEmulator, TEST_CARDS } from './cardReaderEmulator'
