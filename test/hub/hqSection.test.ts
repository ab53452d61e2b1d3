import { describe, expect, it } from 'vitest'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import { branchFileProblems } from '../../hub/config/loadBranchFile'

describe('the hq section of branch.json', () => {
  it('is optional: a branch without one works alone', async () => {
    expect(branchFileProblems(await demoBranchFile())).toEqual([])
  })

  it('takes an address and a token', async () => {
    const file = { ...(await demoBranchFile()), hq: { url: 'https://hq.example.com:8430', token: 'a'.repeat(43) } }
    expect(branchFileProblems(file)).toEqual([])
  })

  it('names each field that is wrong', async () => {
    const file = { ...(await demoBranchFile()), hq: { url: 'https://hq.example.com/api', token: 'short', tokne: 1 } }
    const problems = branchFileProblems(file)
    expect(problems.some((p) => p.startsWith('hq.url:'))).toBe(true)
    expect(problems.some((p) => p.startsWith('hq.token:'))).toBe(true)
    expect(problems).toContain('hq.tokne: unknown field')
  })

  it('refuses an address on a port fetch never connects to, naming the field and why', async () => {
    const file = { ...(await demoBranchFile()), hq: { url: 'http://hq.example.com:6000', token: 'a'.repeat(43) } }
    expect(branchFileProblems(file)).toEqual([expect.stringMatching(/^hq\.url: port 6000 is one that fetch refuses/)])
  })
})
