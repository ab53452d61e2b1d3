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
          log: { noFile: '日志无法写入文件' },
          tls: { expiring: '证书即将到期', off: '网点网络上的通信未加密' },
          replication: { notStarted: '未向总行发送数据' },
        },
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
          log: { noFile: 'The log cannot be written to files' },
          tls: { expiring: 'A certificate expires soon', off: 'Traffic on the branch network is not encrypted' },
          replication: { notStarted: 'Not shipping to headquarters' },
        },
      },
    },
  },
}
