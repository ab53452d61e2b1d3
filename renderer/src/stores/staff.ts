import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { StaffView } from '../../../shared/api/views'
import type { ApiClient } from '../api/apiClient'

/**
 * The branch's staff by name, for the staff screens (the queue's events carry only ids). Loaded
 * once a teller or manager is signed in; until then, and for an id the branch no longer has,
 * screens show the id.
 */
export const useStaffStore = defineStore('staff', () => {
  const list = shallowRef<readonly StaffView[]>([])

  async function load(client: Pick<ApiClient, 'call'>): Promise<void> {
    list.value = (await client.call('staff', {})).staff
  }

  /** "王芳 (t01)"; the id alone when the name is not known. */
  function label(id: string): string {
    const member = list.value.find((s) => s.id === id)
    return member === undefined ? id : `${member.name} (${id})`
  }

  return { list, load, label }
})
