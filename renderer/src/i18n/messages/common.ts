/** Words every screen uses. */
export const common = {
  'zh-CN': {
    app: { name: '网点排队' },
    home: { screens: '终端', kiosk: '取号机', display: '大厅综合屏', manager: '大堂经理' },
    language: { 'zh-CN': '中文', en: 'English', switch: '切换语言' },
    hub: {
      connecting: '正在连接服务器…',
      offline: '与网点服务器的连接已中断,正在自动重连…',
      offlineKiosk: '暂时无法取号:网点服务器连接中断。请稍候或咨询大堂经理。',
      refused: '本终端未获授权,请联系大堂经理重新配对。',
    },
    counterNo: '{n} 号窗口',
    ticketNo: '{number} 号',
    /** No customer is waiting: the counter's rest screen and disabled Call next, the manager's waiting list. */
    nobodyWaiting: '暂无等候的客户',
    /**
     * Beside a wait counted from the ticket's issue (`shared/queue/ticketWait`): when a customer
     * who re-joined, was transferred or came back started waiting again. The manager's list and
     * the counter say it alike.
     */
    waitingAgainSince: '{time} 起再次等候',
    /**
     * In a "wait for a ticket taken now" cell while no ticket is issued (`NewcomerWait`): the
     * lobby display's and the manager's, instead of a wait nobody can promise.
     */
    newcomerWait: {
      opensLater: '{time} 开门',
      closedForDay: '今日不再取号',
    },
    errors: {
      unreachable: '无法连接网点服务器',
      generic: '操作未成功:{message}',
    },
    /** What a customer reads when something fails (`format/customerErrorText.ts`): never the hub's English. */
    customerErrors: {
      unreachable: '暂时无法连接网点服务器。请稍后再试,或咨询工作人员。',
      unknownBooking: '没有找到这个预约码。请核对预约页面上的预约码,或咨询工作人员。',
      bookingCancelled: '这个预约已取消。请重新取号,或咨询工作人员。',
      bookingUsed: '这个预约码已签到过,无需再次签到。',
      bookingOtherDay: '这个预约不是今天的。请在预约当天签到。',
      tooEarly: '现在签到还太早。请在接近预约时间时再签到。',
      slotFull: '这个时段已约满,请选择其他时段。',
      slotPast: '这个时段已经开始,请选择其他时段。',
      branchClosed: '网点这一天不营业,请选择其他日期。',
      doorsClosed: '网点现在不营业,暂不取号。',
      dayNotOpen: '网点今天尚未开始叫号。请稍候,或咨询工作人员。',
      rateLimited: '操作过于频繁,请稍后再试。',
      invalidRequest: '输入的内容有误,请核对后再试。',
      graceExpired: '您的号码过号已久,无法重新排队。请咨询工作人员。',
      ticketAlreadyServed: '这个号码已经办理完毕,无需重新排队。如需办理其他业务,请重新取号。',
      ticketAlreadyCancelled: '这个号码已被取消,无法重新排队。请重新取号,或咨询工作人员。',
      ticketNotMissed: '这个号码没有过号,无需重新排队。请留意叫号。',
      ticketNumberRequired: '请输入您的号码(例如 A023)。',
      other: '未能办理。请咨询工作人员。',
      // The day's close (`dayClosed` in lobbyHours.ts): today takes no more bookings or check-ins.
      dayClosed: '网点今天已结束营业,不再接受今天的预约。请选择其他日期。',
      bookingDayClosed: '网点在您的预约时间前结束了当天的营业,此预约已失效。请重新预约。',
      bookingBranchClosed:
        '网点调整了营业安排,在您预约的日期或时间不营业,此预约无法签到。请在预约页面改约到其他时间,或咨询工作人员。',
      codeFormat: '预约码为 8 位字母和数字(不含 0、1、I、L、O)。请核对后重新输入。',
    },
    actions: { cancel: '取消', confirm: '确定', back: '返回', close: '关闭', signOut: '退出登录' },
    pair: {
      title: '配对终端',
      lead: '请输入大堂经理在管理屏生成的 6 位配对码。',
      code: '配对码',
      submit: '配对',
      failed: '配对码错误、已使用或已过期。',
      codeFormat: '配对码为 6 位数字。',
      paused: '刚才输错配对码的次数过多,配对已暂停,请一分钟后再试。',
    },
    signIn: {
      title: '柜员登录',
      managerTitle: '管理员登录',
      staffId: '工号',
      pin: '密码',
      submit: '登录',
      missing: '请输入工号和密码。',
      // Every refusal a sign-in can get (SIGN_IN_REFUSALS, shared/api/deskRefusals.ts).
      errors: {
        wrongPin: '工号或密码错误。',
        invalidRequest: '工号或密码错误。',
        counterHeld: '此窗口已由其他柜员开启。请该柜员或大堂经理先关闭此窗口,再登录。',
        counterRequired: '柜员请在本窗口的柜员屏幕登录。',
        managerNotAtCounter: '管理员请在管理员屏幕登录,不在柜员窗口登录。',
        unknownCounter: '本网点没有这个窗口。请检查本机设置的窗口号,或请大堂经理协助。',
        lockedOut: '密码错误次数过多,此工号已暂时锁定。请 {minutes} 分钟后再试,或请大堂经理协助。',
        rateLimited: '登录尝试过于频繁,请稍后再试。',
        diskFull: '服务器电脑的磁盘已满,无法登录。请告知大堂经理。',
        diskFailed: '服务器无法写入磁盘,无法登录。请稍后重试;若仍失败,请告知大堂经理。',
        internal: '服务器出错,未能登录。请重试;若仍失败,请告知大堂经理。',
      },
    },
  },
  en: {
    app: { name: 'Branch Lobby' },
    home: { screens: 'Screens', kiosk: 'Kiosk', display: 'Lobby display', manager: 'Manager' },
    language: { 'zh-CN': '中文', en: 'English', switch: 'Change language' },
    hub: {
      connecting: 'Connecting to the branch server…',
      offline: 'The connection to the branch server was lost. Reconnecting…',
      offlineKiosk: 'Tickets are unavailable: the branch server cannot be reached. Please wait or ask our staff.',
      refused: 'This terminal is not authorised. Please ask the branch manager to pair it again.',
    },
    counterNo: 'Counter {n}',
    ticketNo: 'No. {number}',
    nobodyWaiting: 'Nobody is waiting',
    waitingAgainSince: 'Waiting again since {time}',
    newcomerWait: {
      opensLater: 'Opens at {time}',
      closedForDay: 'Closed today',
    },
    errors: {
      unreachable: 'The branch server cannot be reached',
      generic: 'That did not work: {message}',
    },
    customerErrors: {
      unreachable: 'The branch server cannot be reached just now. Please try again in a moment, or ask our staff.',
      unknownBooking: 'No booking has this code. Please check the code on your booking page, or ask our staff.',
      bookingCancelled: 'This booking was cancelled. Please take a ticket, or ask our staff.',
      bookingUsed: 'This booking has already been checked in; there is nothing more to do.',
      bookingOtherDay: 'This booking is for another day. Please check in on the day of your booking.',
      tooEarly: 'It is too early to check in. Please check in closer to your booking time.',
      slotFull: 'This time is fully booked. Please choose another time.',
      slotPast: 'This time has already begun. Please choose another time.',
      branchClosed: 'The branch is closed that day. Please choose another day.',
      doorsClosed: 'The branch is not open now: no tickets yet.',
      dayNotOpen: 'The branch has not started calling today. Please wait, or ask our staff.',
      rateLimited: 'Too many tries just now. Please try again in a little while.',
      invalidRequest: 'Something entered is not right. Please check it and try again.',
      graceExpired: 'Your number was called too long ago to re-join the queue. Please ask our staff.',
      ticketAlreadyServed:
        'This number has already been served; there is nothing to re-join. For something else, please take a new ticket.',
      ticketAlreadyCancelled:
        'This number was cancelled and cannot re-join. Please take a new ticket, or ask our staff.',
      ticketNotMissed:
        'This number has not missed its call; there is no need to re-join. Please listen for your number.',
      ticketNumberRequired: 'Please enter your number (for example A023).',
      other: 'That did not work. Please ask our staff.',
      dayClosed: 'The branch has closed for today and takes no more bookings for today. Please choose another day.',
      bookingDayClosed:
        'The branch closed for the day before your booked time, so this booking no longer holds. Please book again.',
      bookingBranchClosed:
        'The branch changed its opening and is not open on your booked day or at your time, so this booking cannot be checked in. Please move it to another time on your booking page, or ask our staff.',
      codeFormat: 'A booking code is 8 letters and digits (no 0, 1, I, L or O). Please check it and type it again.',
    },
    actions: { cancel: 'Cancel', confirm: 'OK', back: 'Back', close: 'Close', signOut: 'Sign out' },
    pair: {
      title: 'Pair this terminal',
      lead: 'Enter the 6-digit pairing code from the manager screen.',
      code: 'Pairing code',
      submit: 'Pair',
      failed: 'The code is wrong, already used or expired.',
      codeFormat: 'The pairing code is 6 digits.',
      paused: 'Too many wrong codes were entered just now; pairing is paused. Try again in a minute.',
    },
    signIn: {
      title: 'Teller sign-in',
      managerTitle: 'Manager sign-in',
      staffId: 'Staff ID',
      pin: 'PIN',
      submit: 'Sign in',
      missing: 'Enter your staff ID and PIN.',
      // Every refusal a sign-in can get (SIGN_IN_REFUSALS, shared/api/deskRefusals.ts).
      errors: {
        wrongPin: 'Staff ID or PIN is wrong.',
        invalidRequest: 'Staff ID or PIN is wrong.',
        counterHeld: 'A colleague has this counter open. Ask them or a manager to close it before you sign in here.',
        counterRequired: 'Tellers sign in on their counter’s screen, not here.',
        managerNotAtCounter: 'Managers sign in on the manager’s screen, not at a counter.',
        unknownCounter: 'This branch has no such counter. Check the counter set on this PC, or ask a manager.',
        lockedOut:
          'Too many wrong PINs: this staff ID is locked for now. Try again in {minutes} minute, or ask a manager. | Too many wrong PINs: this staff ID is locked for now. Try again in {minutes} minutes, or ask a manager.',
        rateLimited: 'Too many sign-in attempts just now. Please try again in a little while.',
        diskFull: 'The hub PC’s disk is full, so you cannot sign in. Tell the manager.',
        diskFailed:
          'The hub could not write to its disk, so you cannot sign in. Try again; if it fails again, tell the manager.',
        internal: 'The hub failed, so you were not signed in. Try again; if it fails again, tell the manager.',
      },
    },
  },
}
