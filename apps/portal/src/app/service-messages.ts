/** What a user reads when something goes wrong: error pages, loading, a database that is not ready. */
export const serviceMessages = {
  errorTitle: "页面出错了",
  errorText:
    "系统处理这个页面时出错,您的操作可能没有完成。请稍后重试;如果问题持续出现,请联系系统管理员,并告知下面的错误编号。",
  errorNumber: "错误编号",
  noErrorNumber: "无(错误发生在浏览器中,请告知出错前的操作)",
  retry: "重试",
  backHome: "返回首页",
  globalTitle: "系统出错了",
  loading: "正在加载…",
  loadingDashboard: "正在计算今日指标…",
  navPending: "正在打开",
  notReadyTitle: "系统暂停服务",
  notReadyAction: "请系统管理员运行 npm run cli -- migrate(或重新执行 npm start)后刷新本页。",
} as const;
