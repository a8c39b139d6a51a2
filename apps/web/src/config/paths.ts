/** Every route path of the web app and the builders of links to them. */
export const paths = {
  home: '/',
  services: '/services',
  service: (code: string) => `/services/${encodeURIComponent(code)}`,
  complaint: '/complaint',
  /** 12389 progress by the number and query code of the receipt (public). */
  complaintStatus: (number?: string) => (number ? `/complaint/status?number=${encodeURIComponent(number)}` : '/complaint/status'),
  truckCheck: '/truck-access',
  bulletins: '/bulletins',
  /** 站内搜索 over services and publications (public). */
  search: (q?: string) => (q ? `/search?q=${encodeURIComponent(q)}` : '/search'),
  bulletin: (id: string) => `/bulletins/${encodeURIComponent(id)}`,
  measure: (n: number) => `/measures/${n}`,
  /** What a receipt's or decision's QR code opens (public). */
  verifyReceipt: (number: string, signature?: string) => `/verify/${encodeURIComponent(number)}${signature ? `?s=${encodeURIComponent(signature)}` : ''}`,
  /** What a truck pass code's QR code opens (public, a roadside officer's phone). */
  verifyPassCode: (code: string, signature?: string) => `/pass-codes/${encodeURIComponent(code)}${signature ? `?s=${encodeURIComponent(signature)}` : ''}`,
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  register: '/register',
  /** 忘记密码 (enterprise accounts): ask for a reset link; the link opens `resetPassword`. */
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  /** 修改密码, shown after sign-in while the password is temporary or expired. */
  changePassword: (next?: string) => (next ? `/account/password?next=${encodeURIComponent(next)}` : '/account/password'),
  /** 驻企服务中心 directory (public; a signed-in enterprise books a visit). */
  serviceCentres: '/service-centres',
  /** 公开宣讲 (M19, public): upcoming open lectures; `signup` opens that lecture's form for a signed-in enterprise. */
  openLectures: (signup?: string) => (signup ? `/open-lectures?signup=${encodeURIComponent(signup)}` : '/open-lectures'),
  enterprise: {
    root: '/enterprise',
    items: '/enterprise/items',
    newItem: (type?: string) => (type ? `/enterprise/new?type=${encodeURIComponent(type)}` : '/enterprise/new'),
    item: (id: string) => `/enterprise/items/${id}`,
    notifications: '/enterprise/notifications',
    /** 通知设置 (the user menu): e-mail, SMS, the verified phone. */
    notificationSettings: '/enterprise/notification-settings',
    /** 我的联络民警 and the visits to confirm. */
    liaison: '/enterprise/liaison',
    /** 风险预警 delivered to the enterprise (M15). */
    warnings: '/enterprise/warnings',
    /** 网络安全检查 (M16): the enterprise's inspections, findings and answers. */
    cyber: '/enterprise/cyber',
    /** 我的宣讲报名 (M19): the enterprise's open-lecture sign-ups. */
    openLectures: '/enterprise/open-lectures',
    cyberInspection: (id: string) => `/enterprise/cyber/${encodeURIComponent(id)}`,
    /** 我的报案 and the progress of one case (M11–M13). */
    cases: '/enterprise/cases',
    case: (id: string) => `/enterprise/cases/${encodeURIComponent(id)}`,
    /** 居住证集中申办 (M5): upload, row report, the batches. */
    residenceBatches: '/enterprise/residence-batches',
    residenceBatch: (id: string) => `/enterprise/residence-batches/${encodeURIComponent(id)}`,
    /** 打包办 (M6): choose a package and fill one form; the package's receipt and its items. */
    packages: '/enterprise/packages',
    newPackage: (code: string) => `/enterprise/packages?package=${encodeURIComponent(code)}`,
    package: (id: string) => `/enterprise/packages/${encodeURIComponent(id)}`,
  },
  workbench: {
    root: '/workbench',
    item: (id: string) => `/workbench/items/${id}`,
    notifications: '/workbench/notifications',
    notificationSettings: '/workbench/notification-settings',
    /** 警企联络: the office's key enterprises, assignments and import. */
    liaison: '/workbench/liaison',
    /** 我联系的企业 (the officer's enterprises) and its visits. */
    liaisonMine: '/workbench/liaison/mine',
    liaisonVisits: '/workbench/liaison/visits',
    newVisit: (enterpriseId?: string) => (enterpriseId ? `/workbench/liaison/visits/new?enterpriseId=${encodeURIComponent(enterpriseId)}` : '/workbench/liaison/visits/new'),
    serviceCentres: '/workbench/liaison/centres',
    /** 矛盾纠纷排查 (M15): disputes screened at enterprises in the reader's scope. */
    disputes: '/workbench/disputes',
    /** 风险预警 (M15): the unit's warnings and one warning. */
    warnings: '/workbench/warnings',
    warning: (id: string) => `/workbench/warnings/${encodeURIComponent(id)}`,
    /** 风险预警 sent to the partner department of the signed-in user. */
    departmentWarnings: '/workbench/department-warnings',
    /** 网络安全检查 (M16): the cyber unit's inspections, one inspection, the 护网演练 list. */
    cyber: '/workbench/cyber',
    cyberInspection: (id: string) => `/workbench/cyber/inspections/${encodeURIComponent(id)}`,
    cyberDrills: '/workbench/cyber/drills',
    /** 公开宣讲 (M19): the lecture team publishes and manages; 宣讲覆盖 for the team and leaders. */
    openLectures: '/workbench/open-lectures',
    lectureCoverage: '/workbench/open-lectures/coverage',
    /** 一企一档. */
    enterpriseFile: (id: string) => `/workbench/enterprises/${encodeURIComponent(id)}`,
    /** 案件列表 (M10–M13, M17): the cases of the officer's unit, filtered in the URL. */
    cases: '/workbench/cases',
    /** 接警登记 (M10). */
    newIncident: '/workbench/incidents/new',
    /** 居住证集中办理 (M5): the station's batches. */
    residenceBatches: '/workbench/residence-batches',
    residenceBatch: (id: string) => `/workbench/residence-batches/${encodeURIComponent(id)}`,
    /** 信息发布管理: policies, bulletins, warnings in every status. */
    answerReview: '/workbench/answer-review',
    publications: '/workbench/publications',
    publication: (id: string) => `/workbench/publications/${encodeURIComponent(id)}`,
    /** 货车事故快处 (M7): record and statistics (traffic units). */
    accidents: '/workbench/traffic/accidents',
    /** 隐患排查 (M9): inspections around major projects and their rectification (traffic units). */
    hazards: '/workbench/traffic/hazard-inspections',
  },
  dashboard: {
    root: '/dashboard',
    item: (id: string) => `/dashboard/items/${id}`,
    notificationSettings: '/dashboard/notification-settings',
    /** 千警联千企 coverage. */
    coverage: '/dashboard/liaison-coverage',
    /** 涉企警情响应时间 (M10). */
    responseTimes: '/dashboard/incident-response',
  },
  admin: {
    root: '/admin',
    users: '/admin/users',
    units: '/admin/units',
    calendar: '/admin/calendar',
    audit: '/admin/audit',
    itemTypes: '/admin/item-types',
    tiaThresholds: '/admin/tia-thresholds',
    sensitiveWords: '/admin/sensitive-words',
    notificationSettings: '/admin/notification-settings',
  },
} as const;

/** Route patterns (for the router). */
export const routePatterns = {
  service: '/services/:code',
  enterpriseItem: '/enterprise/items/:id',
  workbenchItem: '/workbench/items/:id',
  dashboardItem: '/dashboard/items/:id',
  enterpriseFile: '/workbench/enterprises/:id',
  verifyReceipt: '/verify/:number',
  verifyPassCode: '/pass-codes/:code',
  /** The path the first pass-code QR codes carried (server's verifyPath); it opens the same page. */
  verifyPassCodeLegacy: '/verify/pass/:code',
} as const;

/** Where each role lands after signing in (navigation only: the server decides what each may do). */
export function homeForRole(role: string): string {
  switch (role) {
    case 'enterprise-admin':
    case 'enterprise-staff':
    case 'applicant':
      return paths.enterprise.root;
    // leaders read the clocks first: they land on the dashboard, the queue is one click away (issue 16)
    case 'supervisor':
    case 'unit-leader':
      return paths.dashboard.root;
    case 'admin':
      return paths.admin.root;
    default:
      return paths.workbench.root;
  }
}
