/** One section of the manager screen; `count` shows beside the label when not null. */
export interface ManagerTab {
  readonly id: string
  readonly label: string
  readonly count?: number | null
}
