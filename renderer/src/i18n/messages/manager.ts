/** Words of the manager screen. */
export const manager = {
  'zh-CN': { manager: {} },
  en: { manager: {} },
}
