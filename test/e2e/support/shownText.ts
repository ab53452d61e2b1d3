import type { Locator } from '@playwright/test'

/** The parts of Chromium's accessibility tree read here. */
interface AxNode {
  readonly nodeId: string
  readonly role?: { readonly value: string }
  readonly name?: { readonly value: string }
  readonly childIds?: readonly string[]
  readonly backendDOMNodeId?: number
}

/**
 * The text a form control shows on screen, as Chromium draws it: for `<input type="time">` that
 * is the browser's own clock ("09:00 AM", "--:-- --"), which neither its value nor the DOM tells.
 * Read from the accessibility tree, where Chromium lists the pieces of text the field draws.
 * Chromium only (a DevTools session).
 */
export async function shownText(field: Locator): Promise<string> {
  const page = field.page()
  const cdp = await page.context().newCDPSession(page)
  try {
    const id = await field.getAttribute('id')
    if (id === null) throw new Error('shownText reads a control with an id')
    const doc = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } }
    const found = (await cdp.send('DOM.querySelector', { nodeId: doc.root.nodeId, selector: `[id="${id}"]` })) as {
      nodeId: number
    }
    const { node } = (await cdp.send('DOM.describeNode', { nodeId: found.nodeId })) as {
      node: { backendNodeId: number }
    }
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] }
    const byId = new Map(nodes.map((n) => [n.nodeId, n]))
    const text: string[] = []
    const walk = (n: AxNode | undefined): void => {
      if (n === undefined) return
      if (n.role?.value === 'StaticText') text.push(n.name?.value ?? '')
      else for (const c of n.childIds ?? []) walk(byId.get(c))
    }
    walk(nodes.find((n) => n.backendDOMNodeId === node.backendNodeId))
    return text.join('')
  } finally {
    await cdp.detach()
  }
}
