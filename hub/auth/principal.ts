import type { Role } from '../../shared/api/roles'
import type { CounterId, StaffId } from '../../shared/domain/ids'

/** Who a request comes from, once its token is checked. */
export interface Principal {
  readonly role: Role
  readonly token: string
  readonly staffId: StaffId | null
  readonly name: string
  /** The counter a teller signed in at. */
  readonly counterId: CounterId | null
  /** The paired terminal, for kiosks and displays. */
  readonly deviceId: string | null
  readonly expiresAt: number | null
}
