//! Texts of the rules shared by every family: the severities; and the generic rules RG01–RG04.

/// key → [en, zh-Hant, zh-Hans]
#[rustfmt::skip]
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    ("severity.error", ["error", "錯誤", "错误"]),
    ("severity.warning", ["warning", "警告", "警告"]),
    ("severity.info", ["info", "提示", "提示"]),
    ("rule.RG01.title", ["Required value missing", "必填欄位空白", "必填栏位空白"]),
    ("rule.RG01.explain", [
        "A column marked required in the register layout is blank in a row that holds other data. Without the number, customer, type or key date of a record no other rule can judge it, and the record proves nothing to an auditor. When a required column is missing from the header altogether, it is reported once at the header row.",
        "台帳格式中標為必填的欄位,在有其他資料的一行中空白。記錄缺少編號、顧客、類型或關鍵日期,其他規則便無法判斷,記錄也無法向審核人員證明任何事。若表頭根本沒有某必填欄,則在表頭行報告一次。",
        "台账格式中标为必填的栏位,在有其他资料的一行中空白。记录缺少编号、顾客、类型或关键日期,其他规则便无法判断,记录也无法向审核人员证明任何事。若表头根本没有某必填栏,则在表头行报告一次。",
    ]),
    ("rule.RG02.title", ["Unreadable value", "無法讀取的值", "无法读取的值"]),
    ("rule.RG02.explain", [
        "A cell cannot be read as its column's type: a date that is no date (2026/13/05), an amount in words, a yes/no column holding something else, or a value that is not one of the column's options. The finding quotes the cell; the rest of the row is still checked. Ambiguous dates such as 3/11/2026 are read with the date_order setting.",
        "儲存格的內容不符合該欄的類型:不存在的日期(2026/13/05)、以文字書寫的金額、是/否欄填了其他內容,或不在該欄選項內的值。問題會引用原儲存格內容,該行其餘欄位照常檢查。像 3/11/2026 這類有歧義的日期依 date_order 設定讀取。",
        "单元格的内容不符合该栏的类型:不存在的日期(2026/13/05)、以文字书写的金额、是/否栏填了其他内容,或不在该栏选项内的值。问题会引用原单元格内容,该行其余栏位照常检查。像 3/11/2026 这类有歧义的日期依 date_order 设定读取。",
    ]),
    ("rule.RG03.title", ["Duplicate id", "編號重複", "编号重复"]),
    ("rule.RG03.explain", [
        "The same contract, feedback or guest number is used twice in one kind of register, across all its files and sheets. Both places are named so that staff can tell a copied row from a reused number.",
        "同一類台帳(跨所有檔案和工作表)中,同一個合同、反饋或客戶編號出現兩次。兩處位置都會列出,方便同事分辨是重複抄錄還是編號重用。",
        "同一类台账(跨所有文件和工作表)中,同一个合同、反馈或客户编号出现两次。两处位置都会列出,方便同事分辨是重复抄录还是编号重用。",
    ]),
    ("rule.RG04.title", ["Impossible date", "不可能的日期", "不可能的日期"]),
    ("rule.RG04.explain", [
        "The date of something that happened lies after the as-of date (the last day of the report month), or two dates are in an order that cannot be: a review, reply or resolution before the receipt, or an amendment notice before the amendment. Planned dates such as the next agreed reply date may lie in the future.",
        "已發生事項的日期晚於截止日(報告月份的最後一天),或兩個日期的先後不可能成立:評審、回復或解決早於接收,或修訂通知早於修訂。約定的下次回復日期等計劃日期可以在將來。",
        "已发生事项的日期晚于截止日(报告月份的最后一天),或两个日期的先后不可能成立:评审、回复或解决早于接收,或修订通知早于修订。约定的下次回复日期等计划日期可以在将来。",
    ]),
    ("msg.RG01", ["{field} is blank; it is required", "「{field}」未填寫,此欄必填", "「{field}」未填写,此栏必填"]),
    ("msg.RG01.column", [
        "the sheet has no {field} column, which is required; add it to the header",
        "工作表沒有必填欄「{field}」,請在表頭加上",
        "工作表没有必填栏「{field}」,请在表头加上",
    ]),
    ("msg.RG02", [
        "{field}: “{raw}” cannot be read ({reason})",
        "「{field}」的值「{raw}」無法讀取({reason})",
        "「{field}」的值「{raw}」无法读取({reason})",
    ]),
    ("msg.RG03", [
        "number {id} is used more than once; also at {places}",
        "編號 {id} 重複使用,另見 {places}",
        "编号 {id} 重复使用,另见 {places}",
    ]),
    ("msg.RG04.future", [
        "{field} {date} is after the as-of date {as_of}",
        "「{field}」{date} 晚於截止日 {as_of}",
        "「{field}」{date} 晚于截止日 {as_of}",
    ]),
    ("msg.RG04.order", [
        "{field} {date} is before {other} {other_date}",
        "「{field}」{date} 早於「{other}」{other_date}",
        "「{field}」{date} 早于「{other}」{other_date}",
    ]),
];
