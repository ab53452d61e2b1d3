import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { BranchInfo } from '../../../shared/api/views'
import type { CounterConfig, PriorityClassConfig, ServiceConfig } from '../../../shared/domain/branch'
import { makeClient } from '../api/hub'

/** The branch's public information: services, counters, declared rules, lobby content. */
export const useBranchStore = defineStore('branch', () => {
  const info = shallowRef<BranchInfo | null>(null)
  const client = makeClient(() => null)

  async function load(): Promise<BranchInfo> {
    info.value = await client.call('branch', {})
    return info.value
  }

  const service = (id: string): ServiceConfig | undefined => info.value?.branch.services.find((s) => s.id === id)
  const counter = (id: string | null): CounterConfig | undefined =>
    id === null ? undefined : info.value?.branch.counters.find((c) => c.id === id)
  const priorityClass = (id: string | null): PriorityClassConfig | undefined =>
    id === null ? undefined : info.value?.branch.priorityClasses.find((p) => p.id === id)

  return { info, load, service, counter, priorityClass }
})
