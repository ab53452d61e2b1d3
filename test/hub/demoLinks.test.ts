import { describe, expect, it } from 'vitest'
import { phoneLine, whereLinksOpen } from '../../hub/demo/demoLinks'
import { customerAddress } from '../../hub/network/customerAddress'

const lan = { address: '192.168.1.20', family: 'IPv4', internal: false } as never
const facts = (host: string) =>
  customerAddress({ publicUrl: null, host, port: 8420, scheme: 'https', interfaces: { eth0: [lan] } })

describe('the demo’s start-up lines about phones', () => {
  it('says a hub on loopback has no phone page and no QR code, and how to let phones in', () => {
    const line = phoneLine(facts('127.0.0.1'))
    expect(line).not.toMatch(/scan the QR code/)
    expect(line).toMatch(/this computer only.*no QR code.*--host 0\.0\.0\.0/)
    expect(whereLinksOpen(facts('127.0.0.1'))).toBe('in a browser on this computer')
  })

  it('names the address phones open when they can reach the hub', () => {
    expect(phoneLine(facts('0.0.0.0'))).toBe(
      'Phone status page: scan the QR code of a ticket (phones open https://192.168.1.20:8420)',
    )
    expect(whereLinksOpen(facts('0.0.0.0'))).toBe('from any browser on this network')
  })
})
