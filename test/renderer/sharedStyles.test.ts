import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'

/**
 * The look two screens share is written once, in the renderer's base CSS, and the screens use
 * it by class: the counter's priority and pause dialogs list their radio choices in one
 * `choice-list`; the phone's booking and ticket-status pages are one `phone-page` frame.
 */
const source = (path: string) => readFile(new URL(`../../renderer/src/${path}`, import.meta.url), 'utf8')
const styleOf = (vue: string) => /<style[^>]*>([\s\S]*)<\/style>/.exec(vue)?.[1] ?? ''
const templateOf = (vue: string) => /<template>([\s\S]*)<\/template>/.exec(vue)?.[1] ?? ''

describe('shared styles', () => {
  it('gives the base CSS the choice list and the phone page frame', async () => {
    const base = await source('styles/base.css')
    for (const rule of [
      '.choice-list {',
      '.choice-list label {',
      '.phone-page {',
      '.phone-page__bar {',
      '.phone-page__card {',
    ])
      expect(base).toContain(rule)
  })

  it('lists the priority and pause dialogs’ choices in the shared choice list, with no CSS of their own for it', async () => {
    for (const file of ['components/counter/PriorityDialog.vue', 'components/counter/PauseDialog.vue']) {
      const vue = await source(file)
      expect(templateOf(vue), file).toMatch(/<fieldset class="choice-list"/)
      // No fieldset, legend or radio rule of its own.
      expect(styleOf(vue), file).not.toMatch(/legend|grid-template-columns|input \{\s*width/)
    }
  })

  it('frames the booking and ticket-status pages with the shared phone page, with no bar or card CSS of their own', async () => {
    for (const file of ['views/BookView.vue', 'views/StatusView.vue']) {
      const vue = await source(file)
      const template = templateOf(vue)
      expect(template, file).toMatch(/<main class="phone-page">/)
      expect(template, file).toMatch(/<header class="phone-page__bar">/)
      expect(template, file).toMatch(/class="phone-page__card /)
      expect(styleOf(vue), file).not.toMatch(
        /max-width: 32rem|background: var\(--brand\);\s*color: var\(--brand-ink\);\s*\}\s*\.\w+__bar h1/,
      )
      expect(styleOf(vue), file).not.toMatch(/__bar/)
    }
  })
})
