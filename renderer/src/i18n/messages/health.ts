/**
 * Words of the hub's health on the manager screen: device problems (translated from the codes
 * the hub reports, the operating system's own words behind a toggle), the address phones reach,
 * what of the hub did not start (while it stands), and the hub's recent warnings.
 */
export const health = {
  'zh-CN': {
    health: {
      problems: {
        connecting: '正在连接',
        cannotOpen: '无法打开端口(设备未接上、被占用或无权限)',
        connectionLost: '连接中断(已拔出或断电)',
        noResponse: '设备无应答',
        rejected: '设备返回错误',
        writeFailed: '无法向设备发送数据',
        portStuck: '端口无响应,正在重新打开',
        paperOut: '缺纸',
        coverOpen: '打印机盖未合上',
        offline: '打印机离线',
        printerError: '打印机故障',
        badRead: '读卡器收到无法识别的数据(刷卡不完整或线路干扰),请重新刷卡',
        disabled: '已在配置中停用',
        speechUnavailable: '此屏幕不支持语音播报',
        speechFailed: '上一次语音播报失败',
        soundBlocked: '浏览器禁止了声音,请在屏幕上点一下',
        noVoice: '未安装所需语言的语音',
        none: '无',
      },
      detail: {
        show: '系统详情',
        hide: '隐藏详情',
      },
      tls: {
        plainTitle: '网点网络上的通信未加密(network.tls 为 "off")',
        plainLan:
          '员工密码、令牌和顾客的号票以明文在局域网上传输。这只适用于实验环境:请删除 branch.json 中的 network.tls(或设为 "auto")并重启服务器。',
        expiring: {
          serverCertificate: '服务器证书将于 {date} 到期',
          certificateAuthority: '网点证书颁发机构(CA)将于 {date} 到期',
        },
        renew: {
          branchCa: '服务器会自动续期服务器证书;CA 到期前请按安装指南“更换网点 CA”操作,并重新配对各终端。',
          bankCertificate: '请向银行信息科技部门申请新证书,替换 network.certificate 指向的文件。',
        },
      },
      standingBookings: {
        caption: '落在不营业时间的预约',
        code: '预约码',
        service: '业务',
        day: '日期',
        time: '时段',
        why: '原因',
        closed: { branchClosed: '当天不营业', outsideHours: '该时段不营业' },
      },
      standing: {
        replicationNotStarted:
          '服务器于 {time} 启动时发现:未向总行发送数据。数据目录中的 replication.json 由较新版本的网点排队写入,本版本既不读取也不覆盖它。请运行较新的版本;或删除该文件并重启服务器(服务器会向总行询问从何处继续)。请尽快处理:总行之后只能取得服务器仍保留的记录。',
        replicationRefused:
          '自 {time} 起,总行拒收本网点的数据(网点令牌已被吊销、总行不接受所发内容,或总行的答复本版本无法识别),数据未上送,服务器每 {sec} 秒重试一次。请联系总行核对本网点的令牌(branch.json 中的 hq.token),必要时由总行签发新令牌,写入 branch.json 后重启服务器。网点业务不受影响;请尽快处理:总行之后只能取得服务器仍保留的记录。',
        replicationDiverged:
          '自 {time} 起,未向总行发送数据:总行保存的本网点记录多于本网点日志现有的记录(断电使日志丢失了总行已收到的最后几条记录,或数据目录由备份恢复)。若继续发送,总行会保留这些已丢失的记录,而丢弃本网点编号相同的新记录。在修复总行的副本之前不再发送:请把系统详情中的数字告知总行,按 docs/hq.md 中 “After a power cut that lost acknowledged events” 一节修复,再删除数据目录中的 replication.json 和 replication-stopped.json 并重启服务器。网点业务不受影响。',
        logStopped:
          '自 {time} 起,服务器日志无法再写入文件(磁盘已满,或日志文件夹被移走或变为只读),出现问题时将无从查证。请检查日志文件夹(路径见系统详情)的磁盘空间和权限,然后重启服务器。',
        logNoFile:
          '服务器于 {time} 启动时发现:服务器日志无法写入文件(日志文件夹无法创建或写入),出现问题时将无从查证。请检查日志文件夹(路径见系统详情)的权限和磁盘空间,然后重启服务器。',
        replicationUnreachable:
          '自 {time} 起,无法连接总行(网络中断,或总行暂时不可用),数据暂未上送。服务器会自动重试;期间的记录保存在本网点日志中,一条不丢,总行恢复后按顺序补发。网点业务不受影响。若持续超过一天,请检查网点与总行之间的网络,并联系总行(原因见系统详情)。',
        replicationHqOutdated:
          '自 {time} 起,总行运行的版本比本网点旧,暂不接收本网点的数据(总行须先于各网点升级)。数据保存在本网点日志中,一条不丢,服务器每 {sec} 秒重试一次,总行升级后自动补发。请通知总行升级(双方版本见系统详情)。网点业务不受影响;请尽快处理:总行之后只能取得服务器仍保留的记录。',
        bookingsOnClosedDays:
          '服务器于 {time} 发现:有 {count} 个预约落在网点现已不营业的日期或时段({days}),是 branch.json 中的营业安排(节假日、营业日或营业时间)在预约之后改变所致。顾客的预约页面已说明此预约无法办理,但顾客未必会查看:请按下表联系这些顾客,请他们在预约页面改约(预约码不变)或取消。取号机不会为这些预约签到。全部改约、取消或时间已过后,此提示自动消失。',
      },
      address: {
        title: '顾客的手机无法访问本服务器:取号小票和取号机屏幕上不显示二维码。',
        loopbackOnly:
          '服务器只在本机(127.0.0.1)上监听,且未设置公开地址。请在 branch.json 中把 network.host 设为本机局域网地址(或 0.0.0.0),或设置 network.publicUrl。',
        noLanAddress: '服务器在所有网卡上监听,但本机没有局域网地址。请接入网点网络,或设置 network.publicUrl。',
        publicUrlUnreachable: 'network.publicUrl 指向本机回环地址或无效地址,请改为网点 Wi-Fi 上的手机能打开的地址。',
      },
      warnings: {
        title: '服务器近期警告',
        none: '没有警告。',
        time: '时间',
        level: '级别',
        what: '内容',
        request: '请求编号:{id}',
        levels: { warn: '警告', error: '错误', fatal: '严重错误' },
        events: {
          customerAddress: { unreachable: '顾客手机无法访问服务器' },
          pairing: { codeWithdrawn: '配对码因多次输错已作废', paused: '配对因多次输错已暂停' },
          signIn: { lockedOut: '工号因多次输错密码被锁定' },
          journal: {
            tornJournalLine: '已修复未写完的记录(原内容已另存)',
            damagedJournalLine: '记录文件末行损坏,已另存,请核对当天数据',
          },
          device: '大厅设备',
          devices: { listenerFailed: '设备消息处理出错' },
          printer: { replacedCharacters: '号票上有字无法打印' },
          printing: { failed: '号票未能打印' },
          keypad: {
            notSent: '未能向呼叫器或评价器发送信号',
            ignoredKey: '呼叫器或评价器的按键无法识别',
            garbledInput: '呼叫器线路上有无法识别的数据',
            noCounter: '呼叫器设置的窗口不存在',
            transferNeedsCounter: '呼叫器转移未成功',
          },
          cardReader: { unreadable: '读卡器读到无法识别的数据' },
          cardRead: { refused: '刷卡未能确认客户类别', failed: '刷卡未能处理' },
          storage: { writeRefused: '磁盘拒绝写入,操作未保存' },
          speech: {
            noVoice: '大厅屏缺少语音',
            speechUnavailable: '大厅屏不支持语音',
            speechFailed: '大厅屏语音播报失败',
            soundBlocked: '大厅屏的声音被禁止',
          },
          request: { refused: '请求被拒绝', failed: '服务器处理请求出错', errored: '请求未能完成' },
          log: { noFile: '日志无法写入文件', fileStopped: '日志停止写入文件' },
          tls: { expiring: '证书即将到期', off: '网点网络上的通信未加密' },
          replication: {
            notStarted: '未向总行发送数据',
            diverged: '已停止向总行发送数据',
            cursorInvalid: '向总行发送的进度文件无法使用',
            stopNotKept: '“停止发送”的记录未能保存',
            failing: '暂时无法向总行发送数据',
            refused: '总行拒收本网点的数据',
            gap: '部分记录已无法发送给总行',
          },
          sessions: {
            newerFormat: '登录状态不跨重启保留',
            unreadable: '登录状态无法读取',
            notKept: '登录状态无法保存',
          },
          estimation: {
            shownUnreadable: '已显示的预计等候无法读取',
            shownNotKept: '已显示的预计等候无法保存',
            thread: '预计等候的计算线程出错',
          },
          appointments: { closedDays: '有预约落在网点不营业的日期或时段' },
          reports: { keptOldRules: '部分日报仍按旧规则统计' },
          whatIf: { thread: '模拟推演的计算线程出错', tooSlow: '模拟推演耗时过长,未完成' },
          queue: { afterCommit: '排队变化后的后续处理出错' },
          hub: { notStarted: '服务器无法启动', task: '服务器的例行任务出错' },
        },
        /** The detail of a known event, from the facts logged with it (format/warningDetail.ts). */
        details: {
          customerAddress: { unreachable: '取号小票上不印二维码。{problem}' },
          device: '设备 {deviceId}:{state},{problem}。',
          devices: {
            listenerFailed: '服务器处理大厅设备的消息时出错(程序缺陷)。排队业务不受影响;请把系统详情告知技术支持。',
          },
          printer: {
            replacedCharacters:
              '打印机 {deviceId} 当前的字符集缺少号票上的某些字,这些字会印成“?”(是哪些字见系统详情)。若打印机支持,请在设备配置中把它的字符集(protocol.charset)设为 gb18030;否则请修改号票上的这些文字。',
          },
          printing: {
            failed: '{ticket} 号票未能打印:{problem}。取号机已请客户记住号码。请检查取号机的打印机。',
          },
          keypad: {
            notSent: '未能向设备 {deviceId} 发送信号(按键确认或评价邀请):设备未连接或无应答。请检查它的电源和连线。',
            ignoredKey:
              '设备 {deviceId} 发来无法识别的按键,已忽略。若按键没有反应,请核对设备配置中的型号和协议是否与实物一致。',
            garbledInput:
              '呼叫器或评价器的线路上收到无法识别的数据(线路干扰、接触不良,或设备地址未配置),已忽略。若有按键没有反应,请检查连线,并核对设备配置中的地址。',
            noCounter:
              '呼叫器 {deviceId} 设置为 {counter} 号窗口,但网点没有这个窗口,它的按键无效。请在设备配置中改正它的窗口号。',
            transferNeedsCounter:
              '呼叫器 {deviceId} 按了“转移”,但没有输入有效的目标窗口号,或本窗口没有正在办理的客户,未转移。请告知该窗口的柜员。',
          },
          cardReader: {
            unreadable:
              '读卡器 {deviceId} 收到无法识别的数据(刷卡不完整或线路干扰)。请客户重新刷卡;若经常发生,请检查读卡器的连线。',
          },
          cardRead: {
            refused:
              '在读卡器 {deviceId} 上刷卡后,{ticket} 号票的客户类别未能确认(原因见系统详情)。请柜员在窗口核实客户身份。',
            failed: '服务器处理一次刷卡时出错,这次刷卡没有生效。请客户重新刷卡;若再次发生,请把系统详情告知技术支持。',
          },
          storage: { writeRefused: '操作没有保存,数据没有任何改动。{failure}' },
          speech: {
            noVoice:
              '大厅屏“{terminal}”无法正常播报叫号:未安装{missing}语音。请在该电脑上安装相应语言的语音,然后刷新大厅屏。',
            speechUnavailable: '大厅屏“{terminal}”无法播报叫号:它的浏览器不支持语音合成。',
            speechFailed: '大厅屏“{terminal}”上一次语音播报失败或超时。',
            soundBlocked: '大厅屏“{terminal}”的浏览器禁止了声音,请在该屏幕上点一下。',
          },
          pairing: {
            codeWithdrawn: '终端“{terminal}”的配对码连续输错 {tries} 次,已作废,请重新生成。',
            paused: '最近一分钟内网络上输错配对码的次数过多,配对已暂停。',
          },
          signIn: { lockedOut: '工号 {staffId} 因多次输错密码被暂时锁定,其登录被拒绝。' },
          journal: {
            tornJournalLine:
              '服务器上次在写入一条记录时中断(断电或崩溃),该记录尚未确认,没有丢失已确认的数据。它已从记录中移除,另存于 {keptIn}。无需处理;若经常发生,请检查服务器电脑的电源和关机方式。',
            damagedJournalLine: '记录文件的末行已损坏,已另存于 {keptIn}。请核对当天的数据。',
          },
          tls: {
            expiring: '{what}将于 {expiresAt} 到期。{source}',
            off: '员工密码、令牌和顾客的号票以明文在局域网上传输(network.tls 为 "off"),只适用于实验环境。',
          },
          log: {
            noFile: '服务器日志无法写入文件夹 {dir}({error}),服务器不写日志文件继续运行。',
            fileStopped: '服务器日志无法再写入 {file}({error}),服务器不写日志文件继续运行。',
          },
          request: {
            refused: '请求过于频繁,已被拒绝(代码 {code})。',
            failed:
              '服务器处理一个请求时出错(程序缺陷),该请求没有改变任何数据。若反复出现,请把请求编号和系统详情告知技术支持。',
            errored: '服务器发送答复时出错(通常是终端断开了连接)。若反复出现,请把请求编号告知技术支持。',
          },
          sessions: {
            newerFormat: '登录状态文件 {file} 由较新版本写入:本版本运行期间,重启服务器后员工需重新登录。',
            unreadable: '无法读取登录状态文件 {file}({error}),柜员和大堂经理需重新登录。',
            notKept: '无法保存登录状态({error}):此时重启服务器,期间登录或退出的人员状态会不正确。',
          },
          estimation: {
            shownUnreadable: '无法读取重启前向顾客显示的预计等候({error}),等候范围将重新开始计算。',
            shownNotKept: '无法保存向顾客显示的预计等候({error}):此时重启服务器,等候范围将重新开始计算。',
            thread:
              '计算预计等候的后台线程出错,已停止;预计等候改由服务器主线程计算,照常显示,操作可能稍慢。重启服务器即可恢复;若反复出现,请把系统详情告知技术支持。',
          },
          appointments: {
            closedDays: '有 {count} 个预约落在网点现已不营业的日期或时段({days})。请按本页上方的常驻提示联系这些顾客。',
          },
          reports: {
            keptOldRules:
              '{span} 的日报仍按本版本之前的规则统计:这些日期的营业日志已按保留期删除或无法读取,无法重新计算。与其他日期对比时请留意。',
          },
          replication: {
            notStarted: '数据目录中的 replication.json 无法使用,数据未上送总行。网点业务不受影响。',
            diverged:
              '总行保存的本网点记录多于本网点日志现有的记录,已停止向总行发送数据。请按本页上方的常驻提示处理(需要总行配合修复)。网点业务不受影响。',
            cursorInvalid: '向总行发送的进度文件 replication.json 无法使用,服务器将向总行询问从何处继续。无需处理。',
            stopNotKept:
              '无法写入 replication-stopped.json({error})。本次运行已停止向总行发送,但重启服务器后可能再次发送,使总行的副本出错。请先检查数据目录的磁盘空间和权限,处理好之前不要重启服务器。',
            failing:
              '向总行发送数据未成功(网络中断或总行暂时不可用),服务器会自动重试。网点业务不受影响;若长时间如此,请检查网点与总行之间的网络。',
            refused:
              '总行拒收本网点的数据,服务器每 {retrySec} 秒重试一次。请按本页上方的常驻提示处理。网点业务不受影响。',
            gap: '总行需要从第 {from} 条起的记录,但 {day} 之前的日志已按保留期限删除。总行会记下这段缺失;如需补齐,请联系总行。',
          },
          whatIf: {
            thread: '模拟推演的后台线程出错,这次推演没有完成。请重新运行;若反复出现,请把系统详情告知技术支持。',
            tooSlow:
              '一次模拟推演超过了 {limitSec} 秒的上限,没有完成。请缩短营业时间或减少每小时到达的客户数,再重新运行。',
          },
          queue: {
            afterCommit:
              '一次排队变化已保存,但随后的处理(更新屏幕、设备或报表)出错。若有屏幕显示不是最新,请刷新该屏幕;若反复出现,请把系统详情告知技术支持。',
          },
          hub: {
            notStarted: '服务器无法启动:{error}',
            task: '{task}时出错。服务器会在一分钟内重试;若反复出现,请把系统详情告知技术支持。',
          },
        },
        certificates: { serverCertificate: '服务器证书', certificateAuthority: '网点证书颁发机构(CA)' },
        /** What the disk did, for `storage.writeRefused`. */
        storage: {
          diskFull: '服务器电脑的磁盘已满:请清理磁盘空间后重试。',
          diskFailed: '服务器无法写入磁盘:请重试;若仍失败,请检查服务器电脑的磁盘。',
          journalBroken: '服务器无法继续写入当天的记录文件:请重启服务器;若仍失败,请联系技术支持。',
        },
        /** The hub's routine work, for `hub.task`. */
        tasks: {
          estimating: '计算预计等候',
          delays: '说明延误原因',
          minuteTimer: '每分钟的例行更新',
          bookings: '核对预约是否落在不营业的日期或时段',
        },
        languages: { 'zh-CN': '中文', en: '英文' },
        /** Between the languages a display lacks a voice for. */
        languagesJoin: '、',
      },
    },
  },
  en: {
    health: {
      problems: {
        connecting: 'Connecting',
        cannotOpen: 'Cannot open the port (not plugged in, in use, or no permission)',
        connectionLost: 'Connection lost (unplugged or switched off)',
        noResponse: 'The device does not answer',
        rejected: 'The device answered with an error',
        writeFailed: 'Cannot send to the device',
        portStuck: 'The port stopped responding; reopening it',
        paperOut: 'Out of paper',
        coverOpen: 'The printer cover is open',
        offline: 'The printer is offline',
        printerError: 'Printer fault',
        badRead: 'The card reader got data it cannot read (a partial swipe or line noise); swipe again',
        disabled: 'Switched off in the configuration',
        speechUnavailable: 'This screen cannot speak',
        speechFailed: 'The last spoken call failed',
        soundBlocked: 'The browser blocks sound: touch the screen once',
        noVoice: 'A voice for a language is not installed',
        none: 'None',
      },
      detail: {
        show: 'System detail',
        hide: 'Hide detail',
      },
      tls: {
        plainTitle: 'Traffic on the branch network is not encrypted (network.tls is "off")',
        plainLan:
          'Staff PINs, tokens and customers’ tickets cross the LAN in clear text. This is for a lab only: remove network.tls from branch.json (or set it to "auto") and restart the hub.',
        expiring: {
          serverCertificate: 'The hub’s server certificate expires on {date}',
          certificateAuthority: 'The branch certificate authority (CA) expires on {date}',
        },
        renew: {
          branchCa:
            'The hub renews its server certificate itself; before the CA expires, follow “Renewing the branch CA” in the installation guide and pair the terminals again.',
          bankCertificate: 'Ask the bank’s IT for a new certificate and replace the files network.certificate names.',
        },
      },
      standingBookings: {
        caption: 'Bookings when the branch is closed',
        code: 'Code',
        service: 'Service',
        day: 'Day',
        time: 'Time',
        why: 'Why',
        closed: { branchClosed: 'Closed that day', outsideHours: 'Closed at that time' },
      },
      standing: {
        replicationNotStarted:
          'Found when the hub started at {time}: not shipping to headquarters. replication.json in the data folder was written by a newer Branch Lobby release, and this one neither reads nor overwrites it. Run the newer release, or delete the file and restart the hub (it then asks headquarters where to resume). Act soon: headquarters can later get only the records the hub still keeps.',
        replicationRefused:
          'Since {time}, headquarters refuses this branch’s data (its token was revoked, it will not take what is sent, or it answers in a way this release cannot read): nothing is shipped, and the hub tries again every {sec} s. Ask headquarters to check the branch’s token (hq.token in branch.json); if they issue a new one, put it in branch.json and restart the hub. The branch works as before. Act soon: headquarters can later get only the records the hub still keeps.',
        replicationDiverged:
          'Since {time}, nothing is shipped to headquarters: headquarters holds events this branch’s journal no longer has (a power cut lost the journal’s last events after headquarters had received them, or the data folder was put back from a backup). Shipping on would make headquarters keep the lost events and drop the branch’s new ones with the same numbers. Give headquarters the figures in the system detail, repair its copy as “After a power cut that lost acknowledged events” in docs/hq.md says, then delete replication.json and replication-stopped.json in the data folder and restart the hub. The branch works as before.',
        logStopped:
          'Since {time}, the hub log can no longer be written to files (the disk is full, or the log folder was removed or made read-only): problems will leave no record. Check the log folder (its path is in the system detail) for disk space and permissions, then restart the hub.',
        logNoFile:
          'Found when the hub started at {time}: the hub log cannot be written to files (its folder cannot be created or written): problems will leave no record. Check the log folder (its path is in the system detail) for permissions and disk space, then restart the hub.',
        replicationUnreachable:
          'Since {time}, headquarters cannot be reached (the network is down, or headquarters is unavailable for now), so nothing is shipped to it yet. The hub keeps trying; the records wait in the branch’s journal, none is lost, and they are shipped in order once headquarters answers. The branch works as before. If this lasts more than a day, check the network between the branch and headquarters and contact headquarters (the reason is in the system detail).',
        replicationHqOutdated:
          'Since {time}, headquarters runs an older release than this branch and takes none of its data yet (headquarters must be upgraded before its branches). The records wait in the branch’s journal, none is lost, and the hub tries again every {sec} s: they are shipped once headquarters is upgraded. Ask headquarters to upgrade (both versions are in the system detail). The branch works as before; act soon: headquarters can later get only the records the hub still keeps.',
        bookingsOnClosedDays:
          'Found at {time}: {count} booking(s) fall on days or at times the branch no longer opens ({days}): the calendar in branch.json (holidays, working days or opening hours) changed after they were made. Their booking pages say they cannot be kept, but the customers may not look: contact them (listed below) and ask them to move the booking on its page (the code stays the same) or cancel it. The kiosk will not check these bookings in. This notice ends once every one is moved, cancelled or past.',
      },
      address: {
        title: 'Customers’ phones cannot reach this hub: tickets and the kiosk screen show no QR code.',
        loopbackOnly:
          'The hub listens on this PC only (127.0.0.1) and no public address is set. In branch.json, set network.host to the LAN address (or 0.0.0.0), or set network.publicUrl.',
        noLanAddress:
          'The hub listens on every network card, but this PC has no LAN address. Connect it to the branch network, or set network.publicUrl.',
        publicUrlUnreachable:
          'network.publicUrl names this PC’s loopback or an invalid address. Set it to an address phones on the branch Wi-Fi can open.',
      },
      warnings: {
        title: 'Recent hub warnings',
        none: 'No warnings.',
        time: 'Time',
        level: 'Level',
        what: 'What',
        request: 'Request {id}',
        levels: { warn: 'Warning', error: 'Error', fatal: 'Fatal' },
        events: {
          customerAddress: { unreachable: 'Phones cannot reach the hub' },
          pairing: {
            codeWithdrawn: 'A pairing code was withdrawn after wrong tries',
            paused: 'Pairing paused after wrong tries',
          },
          signIn: { lockedOut: 'A staff ID is locked after wrong PINs' },
          journal: {
            tornJournalLine: 'An unfinished record was repaired (its bytes were kept)',
            damagedJournalLine: 'The journal’s last line was damaged and set aside: check the day’s figures',
          },
          device: 'Lobby device',
          devices: { listenerFailed: 'A device message could not be handled' },
          printer: { replacedCharacters: 'Some characters on tickets cannot be printed' },
          printing: { failed: 'A ticket was not printed' },
          keypad: {
            notSent: 'A signal to a keypad or rating pad was not sent',
            ignoredKey: 'A key of a keypad or rating pad was not understood',
            garbledInput: 'Unreadable data on the keypads’ line',
            noCounter: 'A keypad is set to a counter that does not exist',
            transferNeedsCounter: 'A transfer from a keypad did not go through',
          },
          cardReader: { unreadable: 'A card reader got unreadable data' },
          cardRead: {
            refused: 'A card read did not confirm a customer class',
            failed: 'A card read could not be handled',
          },
          storage: { writeRefused: 'The disk refused a write: nothing was saved' },
          speech: {
            noVoice: 'A lobby display lacks a voice',
            speechUnavailable: 'A lobby display cannot speak',
            speechFailed: 'A lobby display failed to speak',
            soundBlocked: 'A lobby display’s sound is blocked',
          },
          request: {
            refused: 'A request was refused',
            failed: 'The hub failed to answer a request',
            errored: 'A request did not complete',
          },
          log: { noFile: 'The log cannot be written to files', fileStopped: 'The log stopped writing to files' },
          tls: { expiring: 'A certificate expires soon', off: 'Traffic on the branch network is not encrypted' },
          replication: {
            notStarted: 'Not shipping to headquarters',
            diverged: 'Shipping to headquarters stopped',
            cursorInvalid: 'The shipping progress file could not be used',
            stopNotKept: 'The stop of shipping could not be recorded',
            failing: 'Cannot reach headquarters for now',
            refused: 'Headquarters refuses this branch’s data',
            gap: 'Some records can no longer reach headquarters',
          },
          sessions: {
            newerFormat: 'Sign-ins are not kept across a restart',
            unreadable: 'The sign-ins could not be read',
            notKept: 'The sign-ins could not be kept',
          },
          estimation: {
            shownUnreadable: 'The waits shown could not be read',
            shownNotKept: 'The waits shown could not be kept',
            thread: 'The wait-estimating thread failed',
          },
          appointments: { closedDays: 'Bookings fall when the branch no longer opens' },
          reports: { keptOldRules: 'Some day summaries keep older report rules' },
          whatIf: { thread: 'The what-if thread failed', tooSlow: 'A what-if took too long and was stopped' },
          queue: { afterCommit: 'A follow-up to a queue change failed' },
          hub: { notStarted: 'The hub could not start', task: 'A routine task of the hub failed' },
        },
        /** The detail of a known event, from the facts logged with it (format/warningDetail.ts). */
        details: {
          customerAddress: { unreachable: 'Tickets get no QR code. {problem}' },
          device: 'Device {deviceId}: {state}. {problem}.',
          devices: {
            listenerFailed:
              'The hub failed while handling a message of a lobby device (a software fault). The queue is not affected; pass the system detail to IT support.',
          },
          printer: {
            replacedCharacters:
              'Printer {deviceId} is set to a character set that lacks some characters on the tickets; they print as “?” (which ones: see the system detail). If the printer supports it, set its character set (protocol.charset) to gb18030 in the device configuration; otherwise change those words on the ticket.',
          },
          printing: {
            failed:
              'Ticket {ticket} was not printed: {problem}. The kiosk asked the customer to note the number. Check the kiosk’s printer.',
          },
          keypad: {
            notSent:
              'A signal could not be sent to device {deviceId} (a key’s acknowledgement or the invitation to rate): it is not connected or not answering. Check its power and cable.',
            ignoredKey:
              'Device {deviceId} sent a key the hub does not know; it was ignored. If its keys do nothing, check that the model and protocol in the device configuration match the device.',
            garbledInput:
              'Data that could not be read came in on the line of the caller keypads or rating pads (line noise, a loose contact, or a device whose address is not configured); it was ignored. If a key does nothing, check the cables and the addresses in the device configuration.',
            noCounter:
              'Caller keypad {deviceId} is set to counter {counter}, which this branch does not have, so its keys do nothing. Correct its counter number in the device configuration.',
            transferNeedsCounter:
              'Transfer was pressed on caller keypad {deviceId} without a valid counter number to send the customer to, or with no customer being served there: nothing was transferred. Tell the teller at that counter.',
          },
          cardReader: {
            unreadable:
              'Card reader {deviceId} got data it cannot read (a partial swipe or line noise). Ask the customer to swipe again; if it happens often, check the reader’s cable.',
          },
          cardRead: {
            refused:
              'A card read at reader {deviceId} did not confirm the class of ticket {ticket} (why: see the system detail). Ask the teller to check the customer’s ID at the counter.',
            failed:
              'The hub failed while handling a card read, so the read did nothing. Ask the customer to swipe again; if it happens again, pass the system detail to IT support.',
          },
          storage: { writeRefused: 'Nothing was saved or changed. {failure}' },
          speech: {
            noVoice:
              'Lobby display “{terminal}” cannot announce calls properly: no voice is installed for {missing}. Install one on that PC, then reload the display.',
            speechUnavailable: 'Lobby display “{terminal}” cannot announce calls: its browser has no speech synthesis.',
            speechFailed: 'The last call lobby display “{terminal}” announced failed or timed out.',
            soundBlocked: 'Lobby display “{terminal}”: the browser blocks sound until someone touches the screen once.',
          },
          pairing: {
            codeWithdrawn:
              'The pairing code for “{terminal}” was withdrawn after {tries} wrong tries: create a new one.',
            paused: 'Pairing is paused: too many wrong pairing codes came from the network in the last minute.',
          },
          signIn: { lockedOut: 'Sign-in of {staffId} refused: locked out for a while after wrong PINs.' },
          journal: {
            tornJournalLine:
              'The hub stopped (a power cut or a crash) while writing a record that was not yet acknowledged, so nothing acknowledged is lost. It was removed from the journal and kept in {keptIn}. Nothing needs doing; if this happens often, check the hub PC’s power supply and how it is shut down.',
            damagedJournalLine: 'The journal’s last line was damaged; it is kept in {keptIn}. Check the day’s figures.',
          },
          tls: {
            expiring: '{what} expires on {expiresAt}. {source}',
            off: 'Staff PINs, tokens and customers’ tickets cross the LAN in clear text (network.tls is "off"): for a lab only.',
          },
          log: {
            noFile: 'The hub log cannot be written to files in {dir} ({error}); the hub runs on without log files.',
            fileStopped: 'The hub log can no longer be written to {file} ({error}); the hub runs on without log files.',
          },
          request: {
            refused: 'Too many requests: refused (code {code}).',
            failed:
              'The hub failed while answering a request (a software fault); the request changed nothing. If it keeps happening, give IT support the request number and the system detail.',
            errored:
              'The hub could not finish sending an answer (usually the terminal disconnected). If it keeps happening, give IT support the request number.',
          },
          sessions: {
            newerFormat:
              'The sign-in file {file} was written by a newer release: while this one runs, staff sign in again after a restart.',
            unreadable: 'The sign-in file {file} could not be read ({error}): tellers and managers sign in again.',
            notKept:
              'The sign-ins could not be kept ({error}): a restart now would sign out whoever signed in since, or bring back whoever signed out.',
          },
          estimation: {
            shownUnreadable:
              'What the waiting customers were shown before the restart could not be read ({error}): their ranges start afresh.',
            shownNotKept:
              'What the waiting customers were shown could not be kept ({error}): a restart now would start their ranges afresh.',
            thread:
              'The background thread that estimates waits failed and was stopped. Waits are now estimated on the hub’s main thread and shown as before, though commands may be a little slower; restarting the hub brings the thread back. If it keeps happening, pass the system detail to IT support.',
          },
          appointments: {
            closedDays:
              '{count} booking(s) fall on days or at times the branch no longer opens ({days}). Contact these customers as the standing notice at the top of this page says.',
          },
          reports: {
            keptOldRules:
              'The day summaries of {span} keep the report rules of an earlier version: their journals were pruned after the retention period or cannot be read, so they cannot be computed again. Bear it in mind when comparing them with other days.',
          },
          replication: {
            notStarted:
              'replication.json in the data folder cannot be used, so nothing is shipped to headquarters. The branch works as before.',
            diverged:
              'Headquarters holds more of this branch’s records than the branch’s journal has, so shipping to headquarters has stopped. Follow the standing notice at the top of this page (headquarters must repair its copy). The branch works as before.',
            cursorInvalid:
              'replication.json (how far shipping to headquarters has got) could not be used; the hub asks headquarters where to resume. Nothing needs doing.',
            stopNotKept:
              'replication-stopped.json could not be written ({error}). Shipping to headquarters has stopped for this run, but after a restart the hub may ship again and spoil headquarters’ copy. Check the data folder’s disk space and permissions first, and do not restart the hub until that is fixed.',
            failing:
              'Shipping to headquarters failed (the network is down, or headquarters is unavailable for now); the hub keeps retrying. The branch works as before; if this lasts, check the network between the branch and headquarters.',
            refused:
              'Headquarters refuses this branch’s data; the hub tries again every {retrySec} s. Follow the standing notice at the top of this page. The branch works as before.',
            gap: 'Headquarters needs the records from number {from}, but the journals before {day} are no longer kept. Headquarters records the gap; contact headquarters if it must be filled.',
          },
          whatIf: {
            thread:
              'The background thread of the what-if simulation failed, so that run did not finish. Run it again; if it keeps happening, pass the system detail to IT support.',
            tooSlow:
              'A what-if simulation took longer than its {limitSec} s limit and did not finish. Shorten the day (fewer opening hours) or reduce the customers (arrivals per hour), and run it again.',
          },
          queue: {
            afterCommit:
              'A change to the queue was saved, but what follows it (updating screens, devices or reports) failed. If a screen looks out of date, reload it; if this keeps happening, pass the system detail to IT support.',
          },
          hub: {
            notStarted: 'The hub could not start: {error}',
            task: '{task} failed. The hub tries again within a minute; if it keeps happening, pass the system detail to IT support.',
          },
        },
        certificates: {
          serverCertificate: 'The hub’s server certificate',
          certificateAuthority: 'The branch certificate authority (CA)',
        },
        storage: {
          diskFull: 'The hub PC’s disk is full: free space on it, then try again.',
          diskFailed: 'The hub could not write to its disk: try again; if it keeps failing, check the hub PC’s disk.',
          journalBroken: 'The hub cannot keep today’s journal: restart the hub; if it keeps failing, call IT support.',
        },
        tasks: {
          estimating: 'Estimating waits',
          delays: 'Explaining delays',
          minuteTimer: 'The minute’s routine update',
          bookings: 'Checking bookings against the branch’s calendar',
        },
        languages: { 'zh-CN': 'Chinese', en: 'English' },
        languagesJoin: ' or ',
      },
    },
  },
}
