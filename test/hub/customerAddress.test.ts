import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { customerAddress, customerLink } from '../../hub/network/customerAddress'
import { HubFixture } from './support/hubFixture'

const nic = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4'): NetworkInterfaceInfo =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo
const lo = { lo: [nic('127.0.0.1', true), nic('::1', true, 'IPv6')] }

describe('customerAddress', () => {
  it('prefers the configured public address, with no slash at the end', () => {
    expect(
      customerAddress({
        publicUrl: 'https://lobby.example.cn/',
        host: '127.0.0.1',
        port: 8420,
        scheme: 'http',
        interfaces: lo,
      }),
    ).toEqual({
      url: 'https://lobby.example.cn',
      problem: null,
    })
  })

  it('uses the LAN address the hub listens on, over HTTPS unless the branch opted out', () => {
    expect(
      customerAddress({ publicUrl: null, host: '192.168.1.20', port: 8420, scheme: 'https', interfaces: lo }).url,
    ).toBe('https://192.168.1.20:8420')
    expect(
      customerAddress({ publicUrl: null, host: '192.168.1.20', port: 8420, scheme: 'http', interfaces: lo }).url,
    ).toBe('http://192.168.1.20:8420')
    expect(customerAddress({ publicUrl: null, host: 'fd00::20', port: 8420, scheme: 'http', interfaces: lo }).url).toBe(
      'http://[fd00::20]:8420',
    )
  })

  it('never answers 0.0.0.0: listening everywhere, it picks this PC’s private LAN address', () => {
    const interfaces = { ...lo, docker0: [nic('169.254.3.1')], eth0: [nic('fe80::1', false, 'IPv6'), nic('10.8.0.7')] }
    for (const host of ['0.0.0.0', '::']) {
      expect(customerAddress({ publicUrl: null, host, port: 8420, scheme: 'http', interfaces })).toEqual({
        url: 'http://10.8.0.7:8420',
        problem: null,
      })
    }
    expect(customerAddress({ publicUrl: null, host: '0.0.0.0', port: 8420, scheme: 'http', interfaces: lo })).toEqual({
      url: null,
      problem: 'noLanAddress',
    })
  })

  it('has no address when the hub listens on loopback only, or the public address is one', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1'])
      expect(customerAddress({ publicUrl: null, host, port: 8420, scheme: 'http', interfaces: lo }).problem).toBe(
        'loopbackOnly',
      )
    for (const publicUrl of ['http://127.0.0.1:8420', 'http://0.0.0.0:8420/', 'http://localhost'])
      expect(customerAddress({ publicUrl, host: '0.0.0.0', port: 8420, scheme: 'http', interfaces: lo }).problem).toBe(
        'publicUrlUnreachable',
      )
  })
})

describe('customerLink', () => {
  it('joins with exactly one slash', () => {
    for (const base of ['http://10.8.0.7:8420', 'http://10.8.0.7:8420/', 'http://10.8.0.7:8420//'])
      expect(customerLink(base, '/#/status/x?k=y')).toBe('http://10.8.0.7:8420/#/status/x?k=y')
  })
})

describe('the QR code of a hub listening on every interface', () => {
  let f: HubFixture | null = null
  afterEach(async () => {
    await f?.stop()
    f = null
  })

  it('never points at 0.0.0.0 or a loopback address, and has no double slash', async () => {
    f = await HubFixture.start({ host: '0.0.0.0' })
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const r = await f.issue(kiosk, 'any-nic-1')
    expect(r.status).toBe(200)
    // With a LAN address the QR code opens it; without one there is no QR code (and a warning).
    const hasLan = Object.values(networkInterfaces()).some((list) =>
      (list ?? []).some((i) => !i.internal && i.family === 'IPv4'),
    )
    const url = r.body.statusUrl
    if (hasLan) {
      // Served to the LAN, so over HTTPS (the branch CA's certificate names that address).
      expect(url).toMatch(/^https:\/\/\d+\.\d+\.\d+\.\d+:\d+\/#\/status\//)
      expect(url).not.toMatch(/0\.0\.0\.0|\/\/127\.|\/\/#/)
    } else expect(url).toBeNull()
  })
})
