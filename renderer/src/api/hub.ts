import { ApiClient } from './apiClient'

/** The hub is the page's own origin: every terminal loads the renderer from it. */
export function hubOrigin(): string {
  return window.location.origin
}

export function liveUrl(): string {
  return `${hubOrigin().replace(/^http/, 'ws')}/api/v1/live`
}

/** A client whose token is read at each call (it changes on sign-in and sign-out). */
export function makeClient(token: () => string | null): ApiClient {
  return new ApiClient(hubOrigin(), token)
}
