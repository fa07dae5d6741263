//! Catalogue texts of the guest history rules: titles, explanations (`clerk rules GH01`) and
//! messages, in English, Traditional and Simplified Chinese.

/// key → [en, zh-Hant, zh-Hans] (see [`crate::base::i18n`]).
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("rule.GH01.title", [
        "Guest profile incomplete",
        "客史檔案不完整",
        "客史档案不完整",
    ]),
    ("rule.GH01.explain", [
        "An A- or B-class guest's profile misses a field its class requires (settings guests.required_a and guests.required_b; by default company, phone, birthday, dietary habits and wedding anniversary for class A, company and phone for class B). The procedure asks for particular care over the history files of A- and B-class guests, whose details staff use to greet, seat and congratulate them. The finding points at the first missing field (the first with a column in the sheet) and the message lists them all.",
        "A類或B類客人的客史檔案缺少其類別要求的欄位(設定 guests.required_a 和 guests.required_b;預設A類為單位、電話、生日、飲食習慣和結婚紀念日,B類為單位和電話)。規定要求特別注重搞好A類和B類客戶的客史檔案建設,員工憑這些資料稱呼、接待和祝賀客人。問題指向第一個缺少的欄位(工作表中有該欄者優先),訊息列出全部缺少的欄位。",
        "A类或B类客人的客史档案缺少其类别要求的栏位(设定 guests.required_a 和 guests.required_b;默认A类为单位、电话、生日、饮食习惯和结婚纪念日,B类为单位和电话)。规定要求特别注重搞好A类和B类客户的客史档案建设,员工凭这些资料称呼、接待和祝贺客人。问题指向第一个缺少的栏位(工作表中有该栏者优先),信息列出全部缺少的栏位。",
    ]),
    ("rule.GH02.title", [
        "Guest class out of date",
        "客戶類別需要調整",
        "客户类别需要调整",
    ]),
    ("rule.GH02.explain", [
        "The recorded class differs from the class the guest's spend over the 12 months to the as-of date earns (settings guests.class_a_spend and guests.class_b_spend; by default class A from 100,000, class B from 20,000, otherwise class C; the threshold belongs to the higher class). Spend is the exact sum of every visit of the guest in every visits register, matched to the profile by guest id, otherwise by name. Each quarter the sales and catering departments move guests between classes by their spending: between reviews this is a note, in quarter-end months (and for a quarter, half-year or year period) a warning. A guest with no class recorded is read as class C and proposed once its spend earns class B or A. The proposals are listed, with the spend behind them, on the Guests sheet.",
        "記錄的類別與客人截至統計日前12個月的消費金額所對應的類別不符(設定 guests.class_a_spend 和 guests.class_b_spend;預設滿100,000為A類,滿20,000為B類,其餘為C類;剛好等於門檻者屬較高類別)。消費金額為所有消費記錄中該客人每次消費的精確合計,按客戶編號對應檔案,沒有編號時按姓名對應。營銷部會同餐飲部每季度根據客戶消費情況進行A、B、C類動態轉換:平時為提示,季末月份(以及按季度、半年或年度統計時)為警告。未填類別的客人按C類看待,消費達到B類或A類時提出調整建議。調整建議及其消費金額列在客史工作表中。",
        "记录的类别与客人截至统计日前12个月的消费金额所对应的类别不符(设定 guests.class_a_spend 和 guests.class_b_spend;默认满100,000为A类,满20,000为B类,其余为C类;刚好等于门槛者属较高类别)。消费金额为所有消费记录中该客人每次消费的精确合计,按客户编号对应档案,没有编号时按姓名对应。营销部会同餐饮部每季度根据客户消费情况进行A、B、C类动态转换:平时为提示,季末月份(以及按季度、半年或年度统计时)为警告。未填类别的客人按C类看待,消费达到B类或A类时提出调整建议。调整建议及其消费金额列在客史工作表中。",
    ]),
    ("rule.GH03.title", [
        "Visit record incomplete",
        "消費記錄不完整",
        "消费记录不完整",
    ]),
    ("rule.GH03.explain", [
        "A visit or banquet of the report month has no menu or no rating of the dishes. The procedure asks that the banquet menu of every visit be filed in the guest's history together with the guest's opinion of the dishes, so that the next menu can be adjusted; it is the part of a catering history most easily forgotten. The finding points at the first missing field.",
        "本月的消費或宴會記錄沒有菜單或沒有菜品評價。規定要求把顧客每次來就餐的宴會菜單收到客史檔案中,並註明顧客對菜品的評價,以便做出相應的調整;這是餐飲客史檔案較易被人們忽略的地方。問題指向第一個缺少的欄位。",
        "本月的消费或宴会记录没有菜单或没有菜品评价。规定要求把顾客每次来就餐的宴会菜单收到客史档案中,并注明顾客对菜品的评价,以便做出相应的调整;这是餐饮客史档案较易被人们忽略的地方。问题指向第一个缺少的栏位。",
    ]),
    ("rule.GH04.title", [
        "Call-back missing",
        "缺少回訪",
        "缺少回访",
    ]),
    ("rule.GH04.explain", [
        "An A-class guest developed within the last guests.new_months months (default 12) before the end of the report month has no call-back dated in that month. Both ends count: with the month ending 2026-10-31, a guest developed on 2025-10-31 still needs a call, one developed on 2025-10-30 no longer does, and a guest developed during the month needs its first call in it. The sales department calls on newly won A-class clients every month. A call-back on the last day of the month counts; call-backs are matched by guest id. For a quarter, half-year or year each month is checked. Runs only when both a guest register and a call-back register are given.",
        "開發日期在本月最後一天之前 guests.new_months 個月內(預設12個月)的A類客人,在本月沒有回訪記錄。首尾都計算在內:本月最後一天為2026-10-31時,2025-10-31開發的客人仍須回訪,2025-10-30開發的則不再需要,本月內開發的客人本月就須第一次回訪。營銷部每月對A類新開發的客戶進行回訪。月末最後一天的回訪也算;回訪按客戶編號對應。按季度、半年或年度統計時逐月檢查。僅在同時提供客史檔案和回訪記錄時檢查。",
        "开发日期在本月最后一天之前 guests.new_months 个月内(默认12个月)的A类客人,在本月没有回访记录。首尾都计算在内:本月最后一天为2026-10-31时,2025-10-31开发的客人仍须回访,2025-10-30开发的则不再需要,本月内开发的客人本月就须第一次回访。营销部每月对A类新开发的客户进行回访。月末最后一天的回访也算;回访按客户编号对应。按季度、半年或年度统计时逐月检查。仅在同时提供客史档案和回访记录时检查。",
    ]),
    ("rule.GH05.title", [
        "Visit or call-back of an unknown guest",
        "消費或回訪的客人不在檔案中",
        "消费或回访的客人不在档案中",
    ]),
    ("rule.GH05.explain", [
        "A visit or call-back of the report month gives a guest id that no guest profile carries; a visit that gives only the guest's name is looked up by name (width, case and Traditional or Simplified script ignored). Spend booked to no profile never reaches the guest's history or class review, and a call-back to no profile cannot count as the monthly call. A name that several profiles carry is not reported. Runs only when a guest register is given together with visits or call-backs.",
        "本月的消費或回訪記錄所填的客戶編號不在任何客史檔案中;只填姓名的消費記錄按姓名查找(不分全形半形、大小寫和繁簡)。對應不到檔案的消費無法計入客人的客史和類別評定,對應不到檔案的回訪也不能算作每月回訪。多個檔案同名時不報告。僅在提供客史檔案以及消費或回訪記錄時檢查。",
        "本月的消费或回访记录所填的客户编号不在任何客史档案中;只填姓名的消费记录按姓名查找(不分全角半角、大小写和繁简)。对应不到档案的消费无法计入客人的客史和类别评定,对应不到档案的回访也不能算作每月回访。多个档案同名时不报告。仅在提供客史档案以及消费或回访记录时检查。",
    ]),
    ("rule.GH06.title", [
        "Possible duplicate profile",
        "疑似重複檔案",
        "疑似重复档案",
    ]),
    ("rule.GH06.explain", [
        "Two guest profiles carry the same phone number (compared after dropping +86, spaces, dashes and brackets), or the same name and the same company (compared across width, case and Traditional or Simplified script). One guest with two files splits the visits, the spend and the class review between them. Reported at the later profile in register order, at its phone cell or its name cell, naming the earlier one. Profiles with the same guest id are reported by RG03 instead; a name without a company is not compared.",
        "兩份客史檔案的電話號碼相同(去掉+86、空格、連字號和括號後比較),或姓名和單位都相同(不分全形半形、大小寫和繁簡)。同一位客人有兩份檔案,消費、客史和類別評定都會被分開。在台帳中較後的檔案的電話或姓名儲存格報告,並指出較前的檔案。客戶編號相同的檔案由RG03報告;沒有單位的姓名不作比較。",
        "两份客史档案的电话号码相同(去掉+86、空格、连字符和括号后比较),或姓名和单位都相同(不分全角半角、大小写和繁简)。同一位客人有两份档案,消费、客史和类别评定都会被分开。在台账中较后的档案的电话或姓名单元格报告,并指出较前的档案。客户编号相同的档案由RG03报告;没有单位的姓名不作比较。",
    ]),
    ("msg.GH.list_sep", [
        ", ",
        "、",
        "、",
    ]),
    ("msg.GH.list_more", [
        " and {n} more",
        "等(另有 {n} 項)",
        "等(另有 {n} 项)",
    ]),
    ("msg.GH01", [
        "Class {class} profile is missing {fields}: ask the guest or the account manager and fill them in.",
        "{class}類客人的檔案缺少{fields}:請向客人或客戶經理了解後補齊。",
        "{class}类客人的档案缺少{fields}:请向客人或客户经理了解后补齐。",
    ]),
    ("msg.GH02", [
        "Recorded as class {class}, but the spend in the 12 months to {as_of} is {spend} over {visits} visit{visits|s}, which earns class {proposed} (A from {a}, B from {b}): propose class {proposed} at the consumption review.",
        "記錄為{class}類,但截至{as_of}的12個月消費{spend}(共{visits}次),應為{proposed}類(A類滿{a},B類滿{b}):請在消費分析會上提出轉為{proposed}類。",
        "记录为{class}类,但截至{as_of}的12个月消费{spend}(共{visits}次),应为{proposed}类(A类满{a},B类满{b}):请在消费分析会上提出转为{proposed}类。",
    ]),
    ("msg.GH02.none", [
        "No class recorded; the spend in the 12 months to {as_of} is {spend} over {visits} visit{visits|s}, which earns class {proposed} (A from {a}, B from {b}): record class {proposed}.",
        "未填類別;截至{as_of}的12個月消費{spend}(共{visits}次),應為{proposed}類(A類滿{a},B類滿{b}):請填寫為{proposed}類。",
        "未填类别;截至{as_of}的12个月消费{spend}(共{visits}次),应为{proposed}类(A类满{a},B类满{b}):请填写为{proposed}类。",
    ]),
    ("msg.GH03", [
        "Visit record is missing {fields}: file the banquet menu and the guest's rating of the dishes.",
        "消費記錄缺少{fields}:請把宴會菜單和客人對菜品的評價記入檔案。",
        "消费记录缺少{fields}:请把宴会菜单和客人对菜品的评价记入档案。",
    ]),
    ("msg.GH04", [
        "New class A guest (developed {developed}) has no call-back dated in {month}: call on the guest and record it in the call-back register.",
        "新開發的A類客人(開發日期{developed})在{month}沒有回訪記錄:請進行回訪並記入回訪記錄。",
        "新开发的A类客人(开发日期{developed})在{month}没有回访记录:请进行回访并记入回访记录。",
    ]),
    ("msg.GH05.id", [
        "Guest id {id} is in no guest profile: correct the id, or open a profile for the guest.",
        "客戶編號{id}不在客史檔案中:請更正編號,或為客人建立檔案。",
        "客户编号{id}不在客史档案中:请更正编号,或为客人建立档案。",
    ]),
    ("msg.GH05.name", [
        "No guest profile is named {name}: add the guest id, or open a profile for the guest.",
        "客史檔案中沒有名為{name}的客人:請填寫客戶編號,或為客人建立檔案。",
        "客史档案中没有名为{name}的客人:请填写客户编号,或为客人建立档案。",
    ]),
    ("msg.GH05.hint", [
        "The name {name} is on profile {other}.",
        "姓名{name}對應的檔案是{other}。",
        "姓名{name}对应的档案是{other}。",
    ]),
    ("msg.GH06.phone", [
        "Same phone number as {others}: check whether this is the same guest and merge the profiles.",
        "電話號碼與{others}相同:請核實是否為同一位客人並合併檔案。",
        "电话号码与{others}相同:请核实是否为同一位客人并合并档案。",
    ]),
    ("msg.GH06.name", [
        "Same name and company as {others}: check whether this is the same guest and merge the profiles.",
        "姓名和單位與{others}相同:請核實是否為同一位客人並合併檔案。",
        "姓名和单位与{others}相同:请核实是否为同一位客人并合并档案。",
    ]),
    ("msg.GH06.profile", [
        "{who} ({file} › {sheet} › row {row})",
        "{who}({file} › {sheet} › 第{row}行)",
        "{who}({file} › {sheet} › 第{row}行)",
    ]),
];
