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
      standing: {
        replicationNotStarted:
          '服务器于 {time} 启动时发现:未向总行发送数据。数据目录中的 replication.json 由较新版本的网点排队写入,本版本既不读取也不覆盖它。请运行较新的版本;或删除该文件并重启服务器(服务器会向总行询问从何处继续)。请尽快处理:总行之后只能取得服务器仍保留的记录。',
        replicationRefused:
          '自 {time} 起,总行拒收本网点的数据(网点令牌已被吊销、总行不接受所发内容,或总行的答复本版本无法识别),数据未上送,服务器每分钟重试一次。请联系总行核对本网点的令牌(branch.json 中的 hq.token),必要时由总行签发新令牌,写入 branch.json 后重启服务器。网点业务不受影响;请尽快处理:总行之后只能取得服务器仍保留的记录。',
        replicationDiverged:
          '自 {time} 起,未向总行发送数据:总行保存的本网点记录多于本网点日志现有的记录(断电使日志丢失了总行已收到的最后几条记录,或数据目录由备份恢复)。若继续发送,总行会保留这些已丢失的记录,而丢弃本网点编号相同的新记录。在修复总行的副本之前不再发送:请把系统详情中的数字告知总行,按 docs/hq.md 中 “After a power cut that lost acknowledged events” 一节修复,再删除数据目录中的 replication.json 和 replication-stopped.json 并重启服务器。网点业务不受影响。',
        logStopped:
          '自 {time} 起,服务器日志无法再写入文件(磁盘已满,或日志文件夹被移走或变为只读),出现问题时将无从查证。请检查日志文件夹(路径见系统详情)的磁盘空间和权限,然后重启服务器。',
        logNoFile:
          '服务器于 {time} 启动时发现:服务器日志无法写入文件(日志文件夹无法创建或写入),出现问题时将无从查证。请检查日志文件夹(路径见系统详情)的权限和磁盘空间,然后重启服务器。',
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
          speech: {
            noVoice: '大厅屏缺少语音',
            speechUnavailable: '大厅屏不支持语音',
            speechFailed: '大厅屏语音播报失败',
            soundBlocked: '大厅屏的声音被禁止',
          },
          request: { refused: '请求被拒绝' },
          log: { noFile: '日志无法写入文件', fileStopped: '日志停止写入文件' },
          tls: { expiring: '证书即将到期', off: '网点网络上的通信未加密' },
          replication: { notStarted: '未向总行发送数据' },
          sessions: {
            newerFormat: '登录状态不跨重启保留',
            unreadable: '登录状态无法读取',
            notKept: '登录状态无法保存',
          },
          estimation: { shownUnreadable: '已显示的预计等候无法读取', shownNotKept: '已显示的预计等候无法保存' },
          hub: { notStarted: '服务器无法启动' },
        },
        /** The detail of a known event, from the facts logged with it (format/warningDetail.ts). */
        details: {
          customerAddress: { unreachable: '取号小票上不印二维码。{problem}' },
          device: '设备 {deviceId}:{state},{problem}。',
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
          request: { refused: '请求过于频繁,已被拒绝(代码 {code})。' },
          sessions: {
            newerFormat: '登录状态文件 {file} 由较新版本写入:本版本运行期间,重启服务器后员工需重新登录。',
            unreadable: '无法读取登录状态文件 {file}({error}),柜员和大堂经理需重新登录。',
            notKept: '无法保存登录状态({error}):此时重启服务器,期间登录或退出的人员状态会不正确。',
          },
          estimation: {
            shownUnreadable: '无法读取重启前向顾客显示的预计等候({error}),等候范围将重新开始计算。',
            shownNotKept: '无法保存向顾客显示的预计等候({error}):此时重启服务器,等候范围将重新开始计算。',
          },
          replication: { notStarted: '数据目录中的 replication.json 无法使用,数据未上送总行。网点业务不受影响。' },
          hub: { notStarted: '服务器无法启动:{error}' },
        },
        certificates: { serverCertificate: '服务器证书', certificateAuthority: '网点证书颁发机构(CA)' },
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
      standing: {
        replicationNotStarted:
          'Found when the hub started at {time}: not shipping to headquarters. replication.json in the data folder was written by a newer Branch Lobby release, and this one neither reads nor overwrites it. Run the newer release, or delete the file and restart the hub (it then asks headquarters where to resume). Act soon: headquarters can later get only the records the hub still keeps.',
        replicationRefused:
          'Since {time}, headquarters refuses this branch’s data (its token was revoked, it will not take what is sent, or it answers in a way this release cannot read): nothing is shipped, and the hub tries again every minute. Ask headquarters to check the branch’s token (hq.token in branch.json); if they issue a new one, put it in branch.json and restart the hub. The branch works as before. Act soon: headquarters can later get only the records the hub still keeps.',
        replicationDiverged:
          'Since {time}, nothing is shipped to headquarters: headquarters holds events this branch’s journal no longer has (a power cut lost the journal’s last events after headquarters had received them, or the data folder was put back from a backup). Shipping on would make headquarters keep the lost events and drop the branch’s new ones with the same numbers. Give headquarters the figures in the system detail, repair its copy as “After a power cut that lost acknowledged events” in docs/hq.md says, then delete replication.json and replication-stopped.json in the data folder and restart the hub. The branch works as before.',
        logStopped:
          'Since {time}, the hub log can no longer be written to files (the disk is full, or the log folder was removed or made read-only): problems will leave no record. Check the log folder (its path is in the system detail) for disk space and permissions, then restart the hub.',
        logNoFile:
          'Found when the hub started at {time}: the hub log cannot be written to files (its folder cannot be created or written): problems will leave no record. Check the log folder (its path is in the system detail) for permissions and disk space, then restart the hub.',
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
          speech: {
            noVoice: 'A lobby display lacks a voice',
            speechUnavailable: 'A lobby display cannot speak',
            speechFailed: 'A lobby display failed to speak',
            soundBlocked: 'A lobby display’s sound is blocked',
          },
          request: { refused: 'A request was refused' },
          log: { noFile: 'The log cannot be written to files', fileStopped: 'The log stopped writing to files' },
          tls: { expiring: 'A certificate expires soon', off: 'Traffic on the branch network is not encrypted' },
          replication: { notStarted: 'Not shipping to headquarters' },
          sessions: {
            newerFormat: 'Sign-ins are not kept across a restart',
            unreadable: 'The sign-ins could not be read',
            notKept: 'The sign-ins could not be kept',
          },
          estimation: {
            shownUnreadable: 'The waits shown could not be read',
            shownNotKept: 'The waits shown could not be kept',
          },
          hub: { notStarted: 'The hub could not start' },
        },
        /** The detail of a known event, from the facts logged with it (format/warningDetail.ts). */
        details: {
          customerAddress: { unreachable: 'Tickets get no QR code. {problem}' },
          device: 'Device {deviceId}: {state}. {problem}.',
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
          request: { refused: 'Too many requests: refused (code {code}).' },
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
          },
          replication: {
            notStarted:
              'replication.json in the data folder cannot be used, so nothing is shipped to headquarters. The branch works as before.',
          },
          hub: { notStarted: 'The hub could not start: {error}' },
        },
        certificates: {
          serverCertificate: 'The hub’s server certificate',
          certificateAuthority: 'The branch certificate authority (CA)',
        },
        languages: { 'zh-CN': 'Chinese', en: 'English' },
        languagesJoin: ' or ',
      },
    },
  },
}
