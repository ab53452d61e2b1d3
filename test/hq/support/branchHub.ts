import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { demoBranchFile } from '../../../hub/config/demoBranchFile'

/** A data folder with the demo branch's configuration pointing at HQ, for a hub to start on. */
export async function branchDataDir(hqUrl: string, token: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-branch-'))
  const file = { ...(await demoBranchFile()), hq: { url: hqUrl, token } }
  await writeFile(join(dir, 'branch.json'), JSON.stringify(file, null, 2))
  return dir
}
