//! Texts of the guests' part of the report.

/// Catalogue texts of this part of the report: key → [en, zh-Hant, zh-Hans] (see [`crate::base::i18n`]).
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("guests.sheet", [
        "Guests",
        "客史檔案",
        "客史档案",
    ]),
    ("guests.subtitle", [
        "Report period {period}, as of {as_of}; key-attention list for {next}.",
        "統計期間 {period}，截至 {as_of}；{next}重點關注客人名單。",
        "统计期间 {period}，截至 {as_of}；{next}重点关注客人名单。",
    ]),
    ("guests.figures", [
        "Figures",
        "數據",
        "数据",
    ]),
    ("guests.attention.title", [
        "Key-attention list for {month}",
        "{month}重點關注客人名單",
        "{month}重点关注客人名单",
    ]),
    ("guests.callbacks.title", [
        "Call-back status of new A-class guests, {months}",
        "新開發A類客人回訪情況（{months}）",
        "新开发A类客人回访情况（{months}）",
    ]),
    ("guests.proposals.title", [
        "Reclassification proposals (spend {from} – {to})",
        "類別調整建議（消費期間 {from} 至 {to}）",
        "类别调整建议（消费期间 {from} 至 {to}）",
    ]),
    ("guests.html.title", [
        "Guest history",
        "客史檔案",
        "客史档案",
    ]),
    ("guests.html.birthday", [
        "birthday {day}",
        "生日 {day}",
        "生日 {day}",
    ]),
    ("guests.html.anniversary", [
        "anniversary {day}",
        "結婚紀念日 {day}",
        "结婚纪念日 {day}",
    ]),
    ("guests.html.top", [
        "Top guest: {guest}, {spend}.",
        "消費最高的客人：{guest}，{spend}。",
        "消费最高的客人：{guest}，{spend}。",
    ]),
    ("guests.why.class_a", [
        "class A",
        "A類客人",
        "A类客人",
    ]),
    ("guests.why.new_a", [
        "new A-class guest",
        "新開發A類客人",
        "新开发A类客人",
    ]),
    ("guests.why.birthday", [
        "birthday {day}",
        "生日 {day}",
        "生日 {day}",
    ]),
    ("guests.why.anniversary", [
        "wedding anniversary {day}",
        "結婚紀念日 {day}",
        "结婚纪念日 {day}",
    ]),
    ("guests.complaint_on", ["{id} ({date})", "{id}（{date}）", "{id}（{date}）"]),
    ("guests.why.complaint", [
        "complaint in the last 3 months",
        "近 3 個月有投訴",
        "近 3 个月有投诉",
    ]),
    ("guests.why.incomplete", [
        "profile to complete",
        "檔案待補齊",
        "档案待补齐",
    ]),
    ("guests.callback.no_register", [
        "not checked: no call-back register was given",
        "未檢查：未提供回訪記錄",
        "未检查：未提供回访记录",
    ]),
    ("guests.callback.ok", [
        "called",
        "已回訪",
        "已回访",
    ]),
    ("guests.callback.missing", [
        "no call-back in {months}",
        "{months}沒有回訪",
        "{months}没有回访",
    ]),
    ("guests.change.up", [
        "up",
        "升級",
        "升级",
    ]),
    ("guests.change.down", [
        "down",
        "降級",
        "降级",
    ]),
    ("guests.group.A", [
        "Class A",
        "A類",
        "A类",
    ]),
    ("guests.group.B", [
        "Class B",
        "B類",
        "B类",
    ]),
    ("guests.group.C", [
        "Class C",
        "C類",
        "C类",
    ]),
    ("guests.group.none", [
        "No class recorded",
        "未填類別",
        "未填类别",
    ]),
    ("guests.group.unmatched", [
        "Not in the guest register",
        "不在客史檔案中",
        "不在客史档案中",
    ]),
    ("guests.fig.profiles", [
        "Guest profiles",
        "客史檔案數",
        "客史档案数",
    ]),
    ("guests.fig.profiles_value", [
        "{n} (A {a}, B {b}, C {c}, no class {none})",
        "{n}（A類 {a}、B類 {b}、C類 {c}、未填類別 {none}）",
        "{n}（A类 {a}、B类 {b}、C类 {c}、未填类别 {none}）",
    ]),
    ("guests.fig.new_a", [
        "New A-class guests",
        "新開發A類客人",
        "新开发A类客人",
    ]),
    ("guests.fig.callbacks_missing", [
        "New A-class guests without a call-back",
        "未回訪的新開發A類客人",
        "未回访的新开发A类客人",
    ]),
    ("guests.fig.proposals", [
        "Reclassification proposals",
        "類別調整建議",
        "类别调整建议",
    ]),
    ("guests.fig.attention", [
        "Guests to watch in {month}",
        "{month}重點關注客人",
        "{month}重点关注客人",
    ]),
    ("guests.fig.year_spend", [
        "Spend over the last 12 months",
        "近 12 個月消費金額",
        "近 12 个月消费金额",
    ]),
    ("guests.fig.year_visits", [
        "Visits over the last 12 months",
        "近 12 個月消費次數",
        "近 12 个月消费次数",
    ]),
    ("guests.fig.spend", [
        "Spend",
        "消費金額",
        "消费金额",
    ]),
    ("guests.fig.visits", [
        "Visits",
        "消費次數",
        "消费次数",
    ]),
    ("guests.fig.average", [
        "Average spend per visit",
        "平均每次消費",
        "平均每次消费",
    ]),
    ("guests.fig.trailing_spend", [
        "Spend over the 12 months to the end of the period",
        "截至期末的 12 個月消費金額",
        "截至期末的 12 个月消费金额",
    ]),
    ("guests.fig.guests_with_visits", [
        "Guests with visits",
        "有消費的客人",
        "有消费的客人",
    ]),
    ("guests.fig.upgrades", [
        "Class changes proposed: up",
        "建議升級",
        "建议升级",
    ]),
    ("guests.fig.downgrades", [
        "Class changes proposed: down",
        "建議降級",
        "建议降级",
    ]),
    ("guests.note.no_callbacks", [
        "No call-back register was given: call-backs of new A-class guests could not be checked.",
        "未提供回訪記錄：無法檢查新開發A類客人的回訪。",
        "未提供回访记录：无法检查新开发A类客人的回访。",
    ]),
    ("guests.note.no_guests_analysis", [
        "No guest register was given: spend is shown in total, not per guest or class.",
        "未提供客史檔案：消費只列合計，不按客人或類別分列。",
        "未提供客史档案：消费只列合计，不按客人或类别分列。",
    ]),
    ("guests.note.left_out", [
        "{n} more guests with smaller spend are not listed.",
        "另有 {n} 位消費較少的客人未列出。",
        "另有 {n} 位消费较少的客人未列出。",
    ]),
    ("guests.analysis.quarter", [
        "Quarterly consumption analysis",
        "季度消費分析",
        "季度消费分析",
    ]),
    ("guests.analysis.half", [
        "Half-year consumption analysis",
        "半年度消費分析",
        "半年度消费分析",
    ]),
    ("guests.analysis.year", [
        "Annual consumption analysis",
        "年度消費分析",
        "年度消费分析",
    ]),
    ("guests.analysis.subtitle", [
        "Visits from {start} to {end}; classes judged on the 12 months from {trailing} to {end}; amounts in {currency}.",
        "消費期間 {start} 至 {end}；類別按 {trailing} 至 {end} 的 12 個月消費評定；金額單位：{currency}。",
        "消费期间 {start} 至 {end}；类别按 {trailing} 至 {end} 的 12 个月消费评定；金额单位：{currency}。",
    ]),
    ("guests.by_class.title", [
        "Spend by class",
        "各類別消費",
        "各类别消费",
    ]),
    ("guests.by_month.title", [
        "Spend by month",
        "各月消費",
        "各月消费",
    ]),
    ("guests.chart.by_class", [
        "Spend by class",
        "各類別消費",
        "各类别消费",
    ]),
    ("guests.chart.by_month", [
        "Spend by month and class",
        "各月各類別消費",
        "各月各类别消费",
    ]),
    ("guests.top.title", [
        "Top {n} guest{n|s}",
        "消費前 {n} 名的客人",
        "消费前 {n} 名的客人",
    ]),
    ("guests.changes.title", [
        "Class changes proposed",
        "建議調整類別",
        "建议调整类别",
    ]),
    ("guests.per_guest.title", [
        "Spend per guest",
        "各客人消費",
        "各客人消费",
    ]),
    ("guests.col.figure", [
        "Figure",
        "項目",
        "项目",
    ]),
    ("guests.col.value", [
        "Value",
        "數值",
        "数值",
    ]),
    ("guests.col.guest", [
        "Guest",
        "客人",
        "客人",
    ]),
    ("guests.col.guest_id", [
        "Guest id",
        "客戶編號",
        "客户编号",
    ]),
    ("guests.col.name", [
        "Name",
        "姓名",
        "姓名",
    ]),
    ("guests.col.class", [
        "Class",
        "類別",
        "类别",
    ]),
    ("guests.col.company", [
        "Company",
        "單位",
        "单位",
    ]),
    ("guests.col.phone", [
        "Phone",
        "電話",
        "电话",
    ]),
    ("guests.col.account_manager", [
        "Account manager",
        "客戶經理",
        "客户经理",
    ]),
    ("guests.col.reasons", [
        "Why",
        "關注原因",
        "关注原因",
    ]),
    ("guests.col.days", [
        "Dates",
        "日期",
        "日期",
    ]),
    ("guests.col.birthday", [
        "Birthday",
        "生日",
        "生日",
    ]),
    ("guests.col.anniversary", [
        "Wedding anniversary",
        "結婚紀念日",
        "结婚纪念日",
    ]),
    ("guests.col.developed", [
        "Developed",
        "開發日期",
        "开发日期",
    ]),
    ("guests.col.complaints", [
        "Complaints (last 3 months)",
        "投訴（近 3 個月）",
        "投诉（近 3 个月）",
    ]),
    ("guests.col.missing", [
        "Fields to complete",
        "待補欄位",
        "待补项",
    ]),
    ("guests.col.calls", [
        "Call-backs in the period",
        "本期回訪次數",
        "本期回访次数",
    ]),
    ("guests.col.last_call", [
        "Last call-back",
        "最近回訪日期",
        "最近回访日期",
    ]),
    ("guests.col.status", [
        "Status",
        "狀態",
        "状态",
    ]),
    ("guests.col.recorded", [
        "Recorded class",
        "現類別",
        "现类别",
    ]),
    ("guests.col.proposed", [
        "Proposed class",
        "建議類別",
        "建议类别",
    ]),
    ("guests.col.change", [
        "Change",
        "調整",
        "调整",
    ]),
    ("guests.col.spend_12m", [
        "Spend, 12 months",
        "12 個月消費",
        "12 个月消费",
    ]),
    ("guests.col.visits_12m", [
        "Visits, 12 months",
        "12 個月消費次數",
        "12 个月消费次数",
    ]),
    ("guests.col.average", [
        "Average per visit",
        "平均每次消費",
        "平均每次消费",
    ]),
    ("guests.col.month", [
        "Month",
        "月份",
        "月份",
    ]),
    ("guests.col.group", [
        "Class",
        "類別",
        "类别",
    ]),
    ("guests.col.spend", [
        "Spend",
        "消費金額",
        "消费金额",
    ]),
    ("guests.col.share", [
        "Share",
        "佔比",
        "占比",
    ]),
    ("guests.col.visits", [
        "Visits",
        "消費次數",
        "消费次数",
    ]),
    ("guests.col.profiles", [
        "Profiles",
        "檔案數",
        "档案数",
    ]),
    ("guests.col.guests_with_visits", [
        "Guests with visits",
        "有消費的客人",
        "有消费的客人",
    ]),
    ("guests.col.trailing_spend", [
        "Spend, trailing 12 months",
        "近 12 個月消費",
        "近 12 个月消费",
    ]),
    ("guests.col.trailing_visits", [
        "Visits, trailing 12 months",
        "近 12 個月消費次數",
        "近 12 个月消费次数",
    ]),
    ("guests.col.rank", [
        "Rank",
        "名次",
        "名次",
    ]),
    ("guests.col.spend_class", [
        "Class by spend",
        "按消費應屬類別",
        "按消费应属类别",
    ]),
];
