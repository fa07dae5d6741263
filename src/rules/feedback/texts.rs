//! Catalogue texts of the feedback and complaint rules: key → [en, zh-Hant, zh-Hans].

pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("rule.FB01.title", ["Feedback reviewed", "顧客反饋已評審", "顾客反馈已评审"]),
    ("rule.FB01.explain", [
        "Every piece of customer feedback, complaints included, is reviewed by the departments concerned after it is received, and after-sales service and handling are arranged from that review (5.3.3). A row without a review date that was received more than feedback.review_days days (default 7) before the as-of date is an error; a review dated later than that is a warning. The finding is at the review date.",
        "銷售公司接受顧客反饋信息(包括抱怨和投訴)後,應組織有關部門/人員進行評審,並根據評審結果安排售後服務和處理(5.3.3)。沒有評審日期、而接收日期早於截止日超過 feedback.review_days 天(預設 7 天)的為錯誤;已評審但評審日期晚於此期限的為警告。問題標在評審日期欄。",
        "销售公司接受顾客反馈信息(包括抱怨和投诉)后,应组织有关部门/人员进行评审,并根据评审结果安排售后服务和处理(5.3.3)。没有评审日期、而接收日期早于截止日超过 feedback.review_days 天(默认 7 天)的为错误;已评审但评审日期晚于此期限的为警告。问题标在评审日期栏。",
    ]),
    ("rule.FB02.title", ["After-sales service reported", "售後服務已填寫報告單", "售后服务已填写报告单"]),
    ("rule.FB02.explain", [
        "After after-sales service, the sales company and the service staff fill in the after-sales service report (售後服務報告單, record 6.10) with what was done, the customer's evaluation and the verification of the result (5.3.4). A row with after-sales service required or a service date, but without the service report number, the customer's evaluation or the verification, is an error. The finding is at the first blank one of those.",
        "實施售後服務後,銷售公司及售後服務人員應填寫售後服務報告單(記錄 6.10),記錄服務內容、顧客評價意見和驗證結果(5.3.4)。標明需售後服務或填有服務日期的行,若缺少售後服務報告單號、顧客評價或驗證結果,即為錯誤。問題標在第一個空白的欄位。",
        "实施售后服务后,销售公司及售后服务人员应填写售后服务报告单(记录 6.10),记录服务内容、顾客评价意见和验证结果(5.3.4)。标明需售后服务或填有服务日期的行,若缺少售后服务报告单号、顾客评价或验证结果,即为错误。问题标在第一个空白的栏位。",
    ]),
    ("rule.CP01.title", ["Complaint followed through", "投訴跟進到底", "投诉跟进到底"]),
    ("rule.CP01.explain", [
        "A complaint is followed until the problem is solved and the customer answered; when it cannot be solved yet, the customer is told so and a time for the next reply is agreed (Part 3 三, 跟清楚). A complaint or grievance not resolved by the as-of date is an error when it was never replied to and has no next reply date (finding at the reply date), or when its next reply date is before the as-of date and no reply is dated on or after it: overdue (finding at the next reply date). A next reply date on or after the as-of date is not overdue.",
        "受理投訴要一跟到底,直到問題得到解決並回復為止;不能解決的投訴,應婉轉地向顧客講清楚,並確定下次回復的時間(第三篇 三、跟清楚)。截止日仍未解決的投訴或抱怨,如從未回復又沒有下次回復日期(問題標在回復日期欄),或下次回復日期早於截止日而該日及之後沒有回復(逾期,問題標在下次回復日期欄),即為錯誤。下次回復日期在截止日當天或之後的不算逾期。",
        "受理投诉要一跟到底,直到问题得到解决并回复为止;不能解决的投诉,应婉转地向顾客讲清楚,并确定下次回复的时间(第三篇 三、跟清楚)。截止日仍未解决的投诉或抱怨,如从未回复又没有下次回复日期(问题标在回复日期栏),或下次回复日期早于截止日而该日及之后没有回复(逾期,问题标在下次回复日期栏),即为错误。下次回复日期在截止日当天或之后的不算逾期。",
    ]),
    ("rule.CP02.title", ["Complaint reply and record complete", "投訴回復及記錄完整", "投诉回复及记录完整"]),
    ("rule.CP02.explain", [
        "Once a complaint is handled, the process and the result are replied to the customer (Part 3 四, 復清楚) and the matter, the process and the result are written in the complaint record (五, 記清楚). A resolved complaint or grievance without a reply date, the reply or the action taken is an error. The finding is at the first blank one of those.",
        "投訴處理後,應及時把處理的過程及結果清楚地回復顧客(第三篇 四、復清楚),並把投訴事項、處理過程及結果記錄於《顧客投訴記錄》(五、記清楚)。已解決的投訴或抱怨缺少回復日期、回復內容或處理措施,即為錯誤。問題標在第一個空白的欄位。",
        "投诉处理后,应及时把处理的过程及结果清楚地回复顾客(第三篇 四、复清楚),并把投诉事项、处理过程及结果记录于《顾客投诉记录》(五、记清楚)。已解决的投诉或抱怨缺少回复日期、回复内容或处理措施,即为错误。问题标在第一个空白的栏位。",
    ]),
    ("rule.CP03.title", ["Major complaint reported at once", "重大投訴馬上報告", "重大投诉马上报告"]),
    ("rule.CP03.explain", [
        "A major complaint must be reported at once to the head of the department or the manager in charge (Part 3 報告); at once means within complaints.report_hours hours (default 24) of receipt. A complaint marked major without the person it was reported to, without the time of the report, or reported later than that is an error. With a time of day on both the received date and the report time, exactly 24 hours is on time and 24 hours 1 minute is late; when either has no time of day, a report dated no later than the received date plus the allowance rounded up to whole days (by default the next day) is on time.",
        "重大投訴必須馬上報告部門負責人或分管經理(第三篇 報告);「馬上」指接收後 complaints.report_hours 小時內(預設 24 小時)。標為重大的投訴,如沒有報告對象、沒有報告時間,或報告晚於此時限,即為錯誤。接收日期和報告時間都有時刻時,恰好 24 小時為及時,24 小時 1 分即為逾時;任一方沒有時刻時,報告日期不晚於接收日期加上時限(按整日向上取整,預設為次日)即為及時。",
        "重大投诉必须马上报告部门负责人或分管经理(第三篇 报告);「马上」指接收后 complaints.report_hours 小时内(默认 24 小时)。标为重大的投诉,如没有报告对象、没有报告时间,或报告晚于此时限,即为错误。接收日期和报告时间都有时刻时,恰好 24 小时为及时,24 小时 1 分即为逾时;任一方没有时刻时,报告日期不晚于接收日期加上时限(按整日向上取整,默认为次日)即为及时。",
    ]),
    ("rule.CP04.title", ["Forbidden service phrase", "服務忌語", "服务忌语"]),
    ("rule.CP04.explain", [
        "Staff must never use the forbidden service phrases of Part 3 (服務忌語, items 1–28; the list is the setting complaints.forbidden_phrases). The reply, the action taken and a notes column (備註) of every feedback row are checked; the customer's own words are not. Matching ignores Traditional or Simplified script, full or half width, spaces and punctuation, and looks for whole phrases only, so courtesy phrases and ordinary words that share a character with a phrase are not reported. The finding is at the cell and quotes the phrase.",
        "員工不得使用第三篇所列的服務忌語(第 1–28 條;清單為設定 complaints.forbidden_phrases)。檢查每行反饋的回復內容、處理措施和備註欄,顧客本人的話不檢查。比對時不分繁簡、全形半形,忽略空格和標點,只找整句忌語,因此文明用語和只含忌語中某個字的普通詞語不會報告。問題標在該儲存格,並引用所用的忌語。",
        "员工不得使用第三篇所列的服务忌语(第 1–28 条;清单为设定 complaints.forbidden_phrases)。检查每行反馈的回复内容、处理措施和备注栏,顾客本人的话不检查。比对时不分繁简、全角半角,忽略空格和标点,只找整句忌语,因此文明用语和只含忌语中某个字的普通词语不会报告。问题标在该单元格,并引用所用的忌语。",
    ]),
    // Finding messages
    ("msg.FB01.missing", [
        "not reviewed: received {received}, {days} day{days|s} before the as-of date, and feedback must be reviewed within {limit} day{limit|s}; review it and enter the review date",
        "未評審:{received} 接收,至截止日已 {days} 天,反饋須在 {limit} 天內評審;請組織評審並填寫評審日期",
        "未评审:{received} 接收,至截止日已 {days} 天,反馈须在 {limit} 天内评审;请组织评审并填写评审日期",
    ]),
    ("msg.FB01.late", [
        "reviewed late: received {received}, reviewed {reviewed}, {days} day{days|s} later; the limit is {limit} day{limit|s}",
        "評審逾期:{received} 接收,{reviewed} 才評審,相隔 {days} 天,超過 {limit} 天的期限",
        "评审逾期:{received} 接收,{reviewed} 才评审,相隔 {days} 天,超过 {limit} 天的期限",
    ]),
    ("msg.FB02", [
        "after-sales service without a complete service report: {missing} blank; fill in the after-sales service report (售後服務報告單) with its number, the customer's evaluation and the verification",
        "已安排售後服務,但「{missing}」未填寫;請填寫售後服務報告單,記錄報告單號、顧客評價和驗證結果",
        "已安排售后服务,但「{missing}」未填写;请填写售后服务报告单,记录报告单号、顾客评价和验证结果",
    ]),
    ("msg.CP01.no_next_date", [
        "complaint neither resolved nor replied to, and no next reply date agreed: reply to the customer, or agree when you will reply next and enter that date",
        "投訴既未解決也未回復,又未約定下次回復日期:請回復顧客,或與顧客約定下次回復時間並填寫下次回復日期",
        "投诉既未解决也未回复,又未约定下次回复日期:请回复顾客,或与顾客约定下次回复时间并填写下次回复日期",
    ]),
    ("msg.CP01.overdue", [
        "overdue: the next reply was agreed for {date}, {days} day{days|s} before the as-of date, and no reply is recorded on or after it; reply to the customer and record it, or agree a new date",
        "已逾期:約定 {date} 再次回復,至截止日已過 {days} 天,但該日及之後沒有回復記錄;請回復顧客並記錄,或重新約定回復日期",
        "已逾期:约定 {date} 再次回复,至截止日已过 {days} 天,但该日及之后没有回复记录;请回复顾客并记录,或重新约定回复日期",
    ]),
    ("msg.CP02", [
        "complaint resolved, but {missing} blank: reply the process and result to the customer and record them in the complaint record",
        "投訴已解決,但「{missing}」未填寫:請把處理過程及結果回復顧客,並記錄於顧客投訴記錄",
        "投诉已解决,但「{missing}」未填写:请把处理过程及结果回复顾客,并记录于顾客投诉记录",
    ]),
    ("msg.CP03.not_reported", [
        "major complaint not reported: report it at once to the head of department or the manager in charge, and record to whom and when",
        "重大投訴未報告:須馬上報告部門負責人或分管經理,並記錄報告對象和報告時間",
        "重大投诉未报告:须马上报告部门负责人或分管经理,并记录报告对象和报告时间",
    ]),
    ("msg.CP03.no_time", [
        "major complaint: the time of the report is not recorded, so it cannot be shown that it was reported at once; enter the date and time of the report",
        "重大投訴沒有記錄報告時間,無法證明已馬上報告;請填寫報告的日期和時間",
        "重大投诉没有记录报告时间,无法证明已马上报告;请填写报告的日期和时间",
    ]),
    ("msg.CP03.late_hours", [
        "major complaint reported {delay} (h:mm) after it was received; it must be reported within {limit} hour{limit|s}",
        "重大投訴在接收後 {delay}(時:分)才報告,須在 {limit} 小時內報告",
        "重大投诉在接收后 {delay}(时:分)才报告,须在 {limit} 小时内报告",
    ]),
    ("msg.CP03.late_days", [
        "major complaint reported {days} day{days|s} after the day it was received; it must be reported within {limit} hour{limit|s} (no time of day recorded, so whole days are compared)",
        "重大投訴在接收 {days} 天後才報告,須在 {limit} 小時內報告(未記錄時刻,按日期比較)",
        "重大投诉在接收 {days} 天后才报告,须在 {limit} 小时内报告(未记录时刻,按日期比较)",
    ]),
    ("msg.CP04", [
        "{field} uses the forbidden service phrase “{phrase}”: rewrite it in courteous words (文明用語)",
        "「{field}」使用了服務忌語「{phrase}」,請改用文明用語",
        "「{field}」使用了服务忌语「{phrase}」,请改用文明用语",
    ]),
    ("msg.CP04.sep", ["”, “", "」、「", "」、「"]),
    ("msg.FBCP.list_sep", [", ", "、", "、"]),
];
