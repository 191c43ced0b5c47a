// A small real disk for full-disk tests: a tmpfs of a given size in a temp directory. Mounting
// needs root (CAP_SYS_ADMIN); without it a test is skipped with TMPFS_MISSING, also under CI=true,
// because a privilege is not something .ci/run can install.
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const TMPFS_MISSING = 'skipped: mounting a tmpfs needs root (CAP_SYS_ADMIN)'

export interface SmallDisk {
  readonly dir: string
  /** Unmounts (lazily, so files still open elsewhere do not block it) and removes the directory. */
  release (): Promise<void>
}

/** A tmpfs of `bytes` mounted on a new temp directory, or null when it cannot be mounted. */
export async function mountSmallDisk (bytes: number): Promise<SmallDisk | null> {
  const dir = await mkdtemp(join(tmpdir(), 'tributary-small-disk-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0
  const release = async (): Promise<void> => {
    if (mounted) spawnSync('umount', ['-l', dir], { stdio: 'ignore' })
    await rm(dir, { recursive: true, force: true })
  }
  if (mounted) return { dir, release }
  await release()
  return null
}
