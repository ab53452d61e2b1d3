/** Words of the counter screen. */
export const counter = {
  'zh-CN': { counter: {} },
  en: { counter: {} },
}
