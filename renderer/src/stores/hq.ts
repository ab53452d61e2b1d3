import { defineStore } from 'pinia'
import { ref } from 'vue'
import { hqAnswers } from '../../../shared/hq/answers'
import { hqRoutes } from '../../../shared/hq/routes'
import type { HqUserView } from '../../../shared/hq/views'
import { RouteClient } from '../api/apiClient'
import { hqAnswerChecks } from '../api/generated/answerChecks'
import { hubOrigin } from '../api/hub'

const KEY = 'branch-lobby:hq-session'

/**
 * Who is signed in at headquarters, and the typed client of HQ's API (the page is served by HQ,
 * so HQ is its own origin). The session token lives in this tab's sessionStorage only.
 */
export const useHqStore = defineStore('hq', () => {
  const token = ref<string | null>(sessionStorage.getItem(KEY))
  const user = ref<HqUserView | null>(null)
  const client = new RouteClient(hqRoutes, hqAnswers, hubOrigin(), () => token.value, 30_000, hqAnswerChecks)

  function keep(t: string | null): void {
    token.value = t
    if (t === null) sessionStorage.removeItem(KEY)
    else sessionStorage.setItem(KEY, t)
  }

  async function signIn(userId: string, password: string): Promise<void> {
    const s = await client.call('signIn', { body: { userId, password } })
    keep(s.token)
    user.value = s.user
  }

  /** After a reload: who the kept token belongs to, or signed out if it expired. */
  async function restore(): Promise<void> {
    if (token.value === null) return
    try {
      user.value = await client.call('me', {})
    } catch {
      keep(null)
    }
  }

  async function signOut(): Promise<void> {
    try {
      await client.call('signOut', {})
    } finally {
      keep(null)
      user.value = null
    }
  }

  return { token, user, client, signIn, restore, signOut }
})
