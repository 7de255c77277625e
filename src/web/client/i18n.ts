import { useEffect, useState } from 'preact/hooks';

// Chinese first: most members are older residents of the lane. English for visitors and staff
// of resident units. A feature adds its keys to both dictionaries; `en` is typed against `zh`, so
// a missing translation fails the client type-check.
const zh = {
  'app.title': '胡同停车自治',
  'app.tagline': '车友会 · 自制车位 · 错时共享',
  'lang.switch': 'English',
  'lang.switchLabel': '切换语言 / Switch language',

  'login.title': '登录',
  'login.hint': '请使用在车友会登记的手机号登录',
  'login.phone': '手机号',
  'login.password': '密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.rateLimited': '尝试次数过多，请稍后再试',
  'login.retryAfter': '（{seconds} 秒后可重试）',

  'error.network': '无法连接服务器，请检查网络后重试',
  'error.status': '出错了（HTTP {status}）',
  'error.sessionExpired': '登录已过期，请重新登录',

  'common.loading': '加载中…',
  'common.retry': '重试',
  'common.back': '返回',
  'common.comingSoon': '即将推出',

  'home.logout': '退出登录',
  'home.features': '功能',
  'home.loadFailed': '未能加载您的信息',

  'role.admin': '车友会理事会',
  'role.warden': '红袖标',
  'role.resident': '居民车主',
  'role.unit': '驻区单位',
  'role.viewer': '街道社区',

  'tile.households': '住户与车辆',
  'tile.households.desc': '导出住户与车辆台账（CSV）',
  'tile.households.busy': '正在导出…',
  'tile.spaceMap': '车位地图',
  'tile.spaceMap.desc': '胡同里的自制车位与共享车位',
  'tile.permitApproval': '停车证审批',
  'tile.permitApproval.desc': '审核居民的停车证申请',
  'tile.roster': '值班表',
  'tile.roster.desc': '红袖标与志愿者轮流值班',
  'tile.convention': '自治公约',
  'tile.convention.desc': '起草、修订公约，组织投票',

  'tile.liveMap': '车位实时地图',
  'tile.liveMap.desc': '哪里有空位，一目了然',
  'tile.scan': '扫码验证',
  'tile.scan.desc': '扫描挡风玻璃上的停车证',
  'tile.myShifts': '我的班次',
  'tile.myShifts.desc': '签到、交班',

  'tile.myVehicles': '我的车辆',
  'tile.myVehicles.none': '本户尚未登记车辆',
  'tile.myPermits': '我的停车证',
  'tile.myPermits.desc': '申请停车证，出示二维码',
  'tile.offPeak': '错时车位',
  'tile.offPeak.desc': '预约驻区单位的错时共享车位',
  'tile.conventionVote': '公约投票',
  'tile.conventionVote.desc': '阅读公约，一户一票',

  'tile.publishOffPeak': '错时车位发布',
  'tile.publishOffPeak.desc': '开放哪些车位、哪些时段',
  'tile.tonightBookings': '今晚预约',
  'tile.tonightBookings.desc': '今晚谁会停进来',

  'tile.reports': '报表',
  'tile.reports.desc': '各车友会的停车台账与统计',
  'tile.publicBoard': '公示栏',
  'tile.publicBoard.desc': '公约、值班与处理结果公示',

  'vehicles.title': '我的车辆',
  'vehicles.household': '住户：{address}',
  'vehicles.none': '本户尚未登记车辆，请联系车友会理事会登记',
  'vehicles.noHousehold': '您的账号尚未关联住户，请联系车友会理事会',

  'plateColor.blue': '蓝牌',
  'plateColor.yellow': '黄牌',
  'plateColor.green': '绿牌（新能源）',
  'plateColor.white': '白牌',
  'plateColor.black': '黑牌',

  'notFound.title': '页面不存在',
  'notFound.home': '回到首页',
  'forbidden.title': '您的角色无权查看此页面',
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.title': 'Hutong parking',
  'app.tagline': 'Car-owner association · self-made spaces · off-peak sharing',
  'lang.switch': '中文',
  'lang.switchLabel': '切换语言 / Switch language',

  'login.title': 'Log in',
  'login.hint': 'Use the phone number registered with your association',
  'login.phone': 'Phone number',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.rateLimited': 'Too many attempts; please wait and try again',
  'login.retryAfter': ' (try again in {seconds} s)',

  'error.network': 'Cannot reach the server; check the connection and try again',
  'error.status': 'Something went wrong (HTTP {status})',
  'error.sessionExpired': 'Your session has expired; please log in again',

  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.back': 'Back',
  'common.comingSoon': 'Coming soon',

  'home.logout': 'Log out',
  'home.features': 'Features',
  'home.loadFailed': 'Could not load your details',

  'role.admin': 'Council · 车友会理事会',
  'role.warden': 'Warden · 红袖标',
  'role.resident': 'Resident · 居民车主',
  'role.unit': 'Resident unit · 驻区单位',
  'role.viewer': 'Street office · 街道社区',

  'tile.households': 'Households & vehicles',
  'tile.households.desc': 'Download the household and vehicle ledger (CSV)',
  'tile.households.busy': 'Exporting…',
  'tile.spaceMap': 'Space map',
  'tile.spaceMap.desc': 'Self-made and shared spaces in the lane',
  'tile.permitApproval': 'Permit approvals',
  'tile.permitApproval.desc': "Review residents' permit applications",
  'tile.roster': 'Duty roster',
  'tile.roster.desc': 'Wardens and volunteers on duty in turn',
  'tile.convention': 'Parking convention',
  'tile.convention.desc': 'Draft and amend the convention, run votes',

  'tile.liveMap': 'Live space map',
  'tile.liveMap.desc': 'See at a glance where a space is free',
  'tile.scan': 'Scan permits',
  'tile.scan.desc': 'Scan the permit behind the windscreen',
  'tile.myShifts': 'My shifts',
  'tile.myShifts.desc': 'Sign in and hand over',

  'tile.myVehicles': 'My vehicles',
  'tile.myVehicles.none': 'No vehicle registered for your household',
  'tile.myPermits': 'My permits',
  'tile.myPermits.desc': 'Apply for a permit, show its QR code',
  'tile.offPeak': 'Off-peak spaces',
  'tile.offPeak.desc': 'Book spaces shared by resident units',
  'tile.conventionVote': 'Convention vote',
  'tile.conventionVote.desc': 'Read the convention; one vote per household',

  'tile.publishOffPeak': 'Publish off-peak spaces',
  'tile.publishOffPeak.desc': 'Which spaces, which hours',
  'tile.tonightBookings': "Tonight's bookings",
  'tile.tonightBookings.desc': 'Who will park with you tonight',

  'tile.reports': 'Reports',
  'tile.reports.desc': 'Ledgers and figures across associations',
  'tile.publicBoard': 'Public board',
  'tile.publicBoard.desc': 'Convention, rosters and outcomes made public',

  'vehicles.title': 'My vehicles',
  'vehicles.household': 'Household: {address}',
  'vehicles.none': 'No vehicle registered for your household; ask the association council',
  'vehicles.noHousehold': 'Your account is not linked to a household; ask the association council',

  'plateColor.blue': 'Blue plate',
  'plateColor.yellow': 'Yellow plate',
  'plateColor.green': 'Green plate (new energy)',
  'plateColor.white': 'White plate',
  'plateColor.black': 'Black plate',

  'notFound.title': 'Page not found',
  'notFound.home': 'Back to home',
  'forbidden.title': 'Your role may not see this page',
};

export type Lang = 'zh' | 'en';

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'hutong.lang';
const listeners = new Set<(lang: Lang) => void>();

let current: Lang = readStoredLang();
document.documentElement.lang = htmlLang(current);

/** The text for `key` in the current language; `{name}` placeholders take values from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[current][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode may refuse storage; the choice still holds until the page closes.
  }
  document.documentElement.lang = htmlLang(lang);
  for (const listener of listeners) listener(lang);
}

/** Re-renders the calling component when the language changes; returns the current language. */
export function useLang(): Lang {
  const [lang, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => void listeners.delete(setState);
  }, []);
  return lang;
}

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
