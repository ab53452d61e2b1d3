/** Words of the display screen. */
export const display = {
  'zh-CN': { display: {} },
  en: { display: {} },
}
