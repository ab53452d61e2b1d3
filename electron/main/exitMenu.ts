/**
 * What the manager sees after the right exit PIN: a native dialog (it works whatever state the
 * page is in) with three choices. Quitting a PC that hosts the hub stops the queue for every
 * counter, so the dialog says so, and the safe choice, back to the kiosk, is the default and
 * what Escape does.
 */
export type ExitChoice = 'back' | 'setup' | 'quit'

export interface ExitMenu {
  readonly message: string
  readonly detail: string
  readonly buttons: readonly string[]
  readonly choices: readonly ExitChoice[]
  readonly defaultId: number
  readonly cancelId: number
}

/**
 * The exit dialog's content for this PC.
 *
 * @example
 * exitMenu(true).choices //=> ['back', 'setup', 'quit']
 * exitMenu(true).detail.includes('counters') //=> true
 */
export function exitMenu(hostsHub: boolean): ExitMenu {
  const detail = hostsHub
    ? '本机运行排队服务器:退出后所有窗口将无法叫号,直到重新启动本程序。\n' +
      'This PC runs the queue hub: if you quit, the counters cannot call anyone until Branch Lobby starts again.'
    : '退出后本机的窗口会关闭;下次登录时自动启动。\nQuitting closes this PC’s windows; they start again at the next login.'
  return {
    message: '已解锁 / Unlocked',
    detail,
    buttons: ['返回 / Back to the kiosk', '终端设置 / Terminal setup', '退出 / Quit Branch Lobby'],
    choices: ['back', 'setup', 'quit'],
    defaultId: 0,
    cancelId: 0,
  }
}

/**
 * The choice behind a dialog answer; anything unexpected is "back", the safe one.
 *
 * @example
 * choiceAt(exitMenu(false), 2) //=> 'quit'
 * choiceAt(exitMenu(false), 7) //=> 'back'
 */
export function choiceAt(menu: ExitMenu, index: number): ExitChoice {
  return menu.choices[index] ?? 'back'
}
