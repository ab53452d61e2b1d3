import { readdir, readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'

/**
 * No screen leaves a field's check to the browser: its bubble ("Please fill out this field.")
 * speaks the browser's language, not the screen's, and is a small tooltip on a touch screen.
 * Every form is `novalidate` and says what is wrong itself, in vue-i18n's words.
 */
const root = new URL('../../renderer/src/', import.meta.url)

async function vueFiles(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true })
  return entries.filter((f) => f.endsWith('.vue'))
}

describe('forms', () => {
  it('are all novalidate, so the browser never shows its own validation bubble', async () => {
    const files = await vueFiles()
    const forms: string[] = []
    for (const file of files) {
      const vue = await readFile(new URL(file, root), 'utf8')
      // The opening tag, over as many lines as it takes.
      for (const m of vue.matchAll(/<form(?=[\s>])[^>]*>/gu)) {
        forms.push(file)
        expect(m[0], `${file}: ${m[0]}`).toMatch(/\snovalidate[\s>]/u)
      }
    }
    // The kiosk's dialogs, the pairing forms, the sign-ins and the setup at least.
    expect(forms.length).toBeGreaterThanOrEqual(15)
  })
})
