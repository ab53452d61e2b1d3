/**
 * Words of the terminal setup screen and the kiosk exit PIN pad (desktop app only). A wrong or
 * locked-out exit PIN reads the same on both (`exit.wrong`, `exit.lockedOut`).
 */
export const setup = {
  'zh-CN': {
    setup: {
      title: '终端设置',
      browserOnly: '终端设置只能在网点排队桌面程序中进行。浏览器终端请直接打开对应的屏幕。',
      name: '本机名称',
      hub: '网点服务器',
      hubHost: '本机运行网点服务器(通常是取号机电脑)',
      hubConnect: '连接到其他电脑上的网点服务器',
      bindAddress: '监听地址',
      port: '端口',
      url: '服务器地址',
      caFingerprint: '服务器证书指纹(SHA-256)',
      caFingerprintHint:
        '与配对码一起显示在大堂经理屏幕的“设备与终端”中。填写后,本机只信任该网点证书颁发机构签发的服务器证书。',
      pairingCode: '配对码(6 位)',
      pair: '与服务器配对',
      paired: '已配对为{role}。',
      pairedPinned: '上面的服务器证书指纹来自服务器:请与大堂经理屏幕上配对码下方的指纹逐位核对,然后保存。',
      pairFailed: {
        notAllowed: '只有终端设置或大堂经理窗口可以配对。',
        badArguments: '请检查服务器地址、6 位配对码和指纹的格式。',
        unreachable: '无法连接服务器:请检查地址、端口和网络。',
        refused: '服务器拒绝了配对码:它可能已过期、已使用或输错。请在大堂经理屏幕上重新生成。',
        paused: '配对因多次输错已暂停,请一分钟后再试。',
        httpsRequired:
          '该服务器只接受 HTTPS 连接:请把地址改为 https:// 开头(主机和端口不变),然后重新配对。配对码仍然有效。',
        certificateMismatch:
          '服务器的证书不属于它声明的(或你填写的)证书颁发机构:未保存任何内容。请核对地址,并联系信息科技部门。',
        hubFailed:
          '服务器暂时无法完成配对(原因见下方,也已写入本机的终端日志):请稍后重试;如果一直失败,请查看服务器电脑上的服务器日志。',
        unexpectedAnswer:
          '该地址的服务器没有按本版本的方式回答配对。这不是配对码的问题,重试配对码也无济于事:请核对服务器地址,并确认服务器与本机安装的是同一版本的网点排队。未保存任何内容。服务器回答中的问题(也已写入本机的终端日志):',
      },
      screens: '本机屏幕',
      role: '角色',
      roles: { kiosk: '取号机', display: '大厅综合屏', counter: '窗口', manager: '大堂经理' },
      counter: '窗口编号(如 c1)',
      monitor: '显示器',
      monitorName: '{n} 号显示器 {w}×{h}{primary}',
      primary: '(主显示器)',
      addScreen: '添加屏幕',
      removeScreen: '删除',
      kioskMode: '客户屏幕锁定(全屏,只有经理密码可退出)',
      exitPin: '新的退出密码(4–8 位数字,不修改请留空)',
      managerPin: '当前退出密码(修改设置需要)',
      startAtLogin: '开机自动启动',
      save: '保存并重启',
      saved: '已保存,程序即将重启…',
      problems: '设置有误:',
      failed: {
        notAllowed: '此窗口不能保存设置。',
        pinRequired: '请输入当前退出密码。',
        writeFailed: '无法写入设置文件。',
        newerFile:
          '本机的设置文件由较新版本的网点排队写入(格式 {format},本版本只能读取到格式 {readsUpTo}):为免丢失其中的设置,没有保存任何内容,文件保持原样。请重新启动较新的版本;若确要在本机使用此版本,请先把设置文件(路径见下方)移到别处,再重新设置。',
      },
      pairNote: '取号机和综合屏第一次打开时会要求输入配对码(在大堂经理屏幕生成)。',
    },
    exit: {
      title: '退出锁定',
      lead: '请输入经理退出密码',
      pin: '退出密码',
      submit: '确定',
      wrong: '退出密码错误',
      missing: '请输入退出密码',
      lockedOut: '密码错误次数过多,请 {n} 秒后再试',
    },
  },
  en: {
    setup: {
      title: 'Terminal setup',
      browserOnly:
        'Terminal setup is done in the Branch Lobby desktop app. In a browser, open the screen you need directly.',
      name: 'Name of this PC',
      hub: 'Branch server',
      hubHost: 'This PC runs the branch server (usually the kiosk PC)',
      hubConnect: 'Connect to the branch server on another PC',
      bindAddress: 'Listen on address',
      port: 'Port',
      url: 'Server address',
      caFingerprint: 'Server certificate fingerprint (SHA-256)',
      caFingerprintHint:
        "Shown with the pairing code under “Devices and terminals” on the manager's screen. Once set, this PC trusts only server certificates issued by that branch certificate authority.",
      pairingCode: 'Pairing code (6 digits)',
      pair: 'Pair with the server',
      paired: 'Paired as {role}.',
      pairedPinned:
        "The fingerprint above came from the server: compare it, pair by pair, with the one under the pairing code on the manager's screen, then save.",
      pairFailed: {
        notAllowed: 'Only the setup and manager windows can pair.',
        badArguments: 'Check the server address, the 6-digit code and the fingerprint.',
        unreachable: 'Cannot reach the server: check the address, the port and the network.',
        refused:
          'The server refused the code: it may have expired, been used or mistyped. Create a new one on the manager’s screen.',
        paused: 'Pairing is paused after many wrong codes; try again in a minute.',
        httpsRequired:
          'This hub answers over HTTPS only: type the address with https:// (the same host and port) and pair again. The code is still good.',
        certificateMismatch:
          "The server's certificate does not belong to the certificate authority it names (or the one you typed): nothing was kept. Check the address and call IT.",
        hubFailed:
          "The server could not complete the pairing just now (why is below, and in this PC's terminal log): try again later; if it keeps failing, look at the hub log on the hub PC.",
        unexpectedAnswer:
          "The server at this address did not answer as this release's hub does: this is not about the code, and trying the code again will not help. Check the server address, and that the server and this PC run the same Branch Lobby release. Nothing was kept. What was wrong with the answer (also in this PC's terminal log):",
      },
      screens: 'Screens of this PC',
      role: 'Role',
      roles: { kiosk: 'Kiosk', display: 'Lobby display', counter: 'Counter', manager: 'Manager' },
      counter: 'Counter id (e.g. c1)',
      monitor: 'Monitor',
      monitorName: 'Monitor {n} {w}×{h}{primary}',
      primary: ' (primary)',
      addScreen: 'Add a screen',
      removeScreen: 'Remove',
      kioskMode: 'Lock customer screens (full screen, only the manager PIN exits)',
      exitPin: 'New exit PIN (4–8 digits; leave empty to keep)',
      managerPin: 'Current exit PIN (needed to change settings)',
      startAtLogin: 'Start when this PC starts',
      save: 'Save and restart',
      saved: 'Saved. The app restarts…',
      problems: 'Please fix:',
      failed: {
        notAllowed: 'This window may not save settings.',
        pinRequired: 'Enter the current exit PIN.',
        writeFailed: 'The settings file could not be written.',
        newerFile:
          "This PC's settings file was written by a newer Branch Lobby release (format {format}; this one reads up to format {readsUpTo}). Nothing was saved, so none of its settings are lost: the file is as it was. Start the newer release again; to use this one on this PC, first move the settings file (its path is below) elsewhere, then set up again.",
      },
      pairNote:
        'Kiosks and lobby displays ask for a pairing code (made on the manager screen) the first time they open.',
    },
    exit: {
      title: 'Leave lock-down',
      lead: "Enter the manager's exit PIN",
      pin: 'Exit PIN',
      submit: 'OK',
      wrong: 'The exit PIN is wrong',
      missing: 'Enter the exit PIN',
      lockedOut: 'Too many wrong PINs; try again in {n} s',
    },
  },
}
