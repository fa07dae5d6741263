//! Catalogue texts of the contract rules: key → [en, zh-Hant, zh-Hans] (see [`crate::base::i18n`]).

#[rustfmt::skip]
pub static TEXTS: &[crate::base::i18n::Entry] = &[
    // Titles and explanations (`clerk rules CRxx`)
    ("rule.CR01.title", ["Reviewed before commitment", "承諾前評審", "承诺前评审"]),
    ("rule.CR01.explain", [
        "Every bid, contract and order, oral and telephone orders and commissions included, is reviewed before the company commits to the customer: before the bid is sent, the contract signed or the order accepted (5.2.1). The register must show a review date on or before the commitment date (for a bid, the bid date). Reported at the review date when it is blank or later than the commitment date. A review on the day of commitment is in time.",
        "每一份標書、合同或訂單(包括口頭訂單、電話訂貨和委託單)都須在向顧客做出承諾前評審:投標、簽訂合同或接受訂單之前(5.2.1)。台帳須有評審日期,且不晚於承諾日期(標書為投標日期)。評審日期空白或晚於承諾日期時,在評審日期處報告。承諾當天評審視為及時。",
        "每一份标书、合同或订单(包括口头订单、电话订货和委托单)都须在向顾客做出承诺前评审:投标、签订合同或接受订单之前(5.2.1)。台账须有评审日期,且不晚于承诺日期(标书为投标日期)。评审日期空白或晚于承诺日期时,在评审日期处报告。承诺当天评审视为及时。",
    ]),
    ("rule.CR02.title", ["Review authority", "評審權限", "评审权限"]),
    ("rule.CR02.explain", [
        "The review method and the approver's role must be at least those the review-authority table requires for the order (5.2.4.1–5.2.4.3): oral orders of routine products and routine products below the large amount, authorized-person review approved by the sales manager; routine products with large quantity, tight delivery or technical difficulty, countersign review approved by the production vice-president; non-routine products and products made to the customer's drawing, countersign review approved by the general manager; new products needing design and development and products with special technical requirements, meeting review approved by the general manager. For routine products at or above the large amount the procedure is silent and the setting large_amount_rule decides. An order needs every row that applies to it; a stronger review than required is compliant. An error at the approver role (or at the review method when only the method is weak). When the method, the role or a value the table needs (such as the amount of a routine contract) is blank, a warning says so instead of guessing. The table, the amount and the ranking of methods and roles are settings in clerk.toml ([contracts.review_authority], [contracts.large_amount_rule], large_amount, method_ranking, role_ranking); the values in force are listed below.",
        "評審方式和批准人職務不得低於評審權限表對該單的要求(5.2.4.1–5.2.4.3):常規產品的口頭訂單及金額未達大額標準的常規產品,由授權人員評審、銷售公司經理批准;數量較大、交貨期緊或技術難度大的常規產品,會簽評審、生產副總經理批准;非常規產品和顧客帶圖加工產品,會簽評審、總經理批准;需設計開發的新產品和有特殊技術要求的產品,會議評審、總經理批准。金額達大額標準的常規產品,規定未明確,依 large_amount_rule 設定。適用多行時須全部滿足;高於要求的評審視為符合。錯誤在批准人職務處報告(僅評審方式不足時在評審方式處)。評審方式、批准人職務或判定所需的值(如常規合同的金額)空白時,以警告說明,不作猜測。權限表、金額標準及方式和職務的高低順序都在 clerk.toml 中設定([contracts.review_authority]、[contracts.large_amount_rule]、large_amount、method_ranking、role_ranking),現行值列於下方。",
        "评审方式和批准人职务不得低于评审权限表对该单的要求(5.2.4.1–5.2.4.3):常规产品的口头订单及金额未达大额标准的常规产品,由授权人员评审、销售公司经理批准;数量较大、交货期紧或技术难度大的常规产品,会签评审、生产副总经理批准;非常规产品和顾客带图加工产品,会签评审、总经理批准;需设计开发的新产品和有特殊技术要求的产品,会议评审、总经理批准。金额达大额标准的常规产品,规定未明确,依 large_amount_rule 设定。适用多行时须全部满足;高于要求的评审视为符合。错误在批准人职务处报告(仅评审方式不足时在评审方式处)。评审方式、批准人职务或判定所需的值(如常规合同的金额)空白时,以警告说明,不作猜测。权限表、金额标准及方式和职务的高低顺序都在 clerk.toml 中设定([contracts.review_authority]、[contracts.large_amount_rule]、large_amount、method_ranking、role_ranking),现行值列于下方。",
    ]),
    ("rule.CR03.title", ["Review record kept", "評審記錄齊全", "评审记录齐全"]),
    ("rule.CR03.explain", [
        "A review leaves its records (5.2.4.5): countersign and meeting reviews a product requirement review form (6.3), oral orders an oral-contract record and review form (6.2), meeting reviews also the minutes of the review meeting (6.6); and every review names its approver. Reported at the missing number or name: review form no., minutes no., approver. An order with no review at all is reported by CR01 only.",
        "評審須留下記錄(5.2.4.5):會簽評審和會議評審填寫產品要求評審單(6.3),口頭訂單填寫口頭合同記錄評審單(6.2),會議評審另有評審會議記錄(6.6);每次評審都須寫明批准人。在缺少的編號或姓名處報告:評審單編號、會議記錄編號、批准人。完全未評審的單只由 CR01 報告。",
        "评审须留下记录(5.2.4.5):会签评审和会议评审填写产品要求评审单(6.3),口头订单填写口头合同记录评审单(6.2),会议评审另有评审会议记录(6.6);每次评审都须写明批准人。在缺少的编号或姓名处报告:评审单编号、会议记录编号、批准人。完全未评审的单只由 CR01 报告。",
    ]),
    ("rule.CR04.title", ["Customer told of revised or rejected requirements", "修訂或拒絕已與顧客溝通", "修订或拒绝已与顾客沟通"]),
    ("rule.CR04.explain", [
        "When the review finds requirements unclear or unacceptable, the sales company talks to the customer and revises the bid, contract or order, or declines it (5.2.4.4 b), and records that communication. Reported at the customer contact date when the outcome is revised or rejected and that date is blank.",
        "評審中發現標書、合同或訂單有不明確或無法接受的要求時,銷售公司應與顧客溝通,修訂要求或拒絕接受(5.2.4.4 b),並記錄溝通情況。評審結論為修訂後接受或拒絕而與顧客溝通日期空白時,在該日期處報告。",
        "评审中发现标书、合同或订单有不明确或无法接受的要求时,销售公司应与顾客沟通,修订要求或拒绝接受(5.2.4.4 b),并记录沟通情况。评审结论为修订后接受或拒绝而与顾客沟通日期空白时,在该日期处报告。",
    ]),
    ("rule.CR05.title", ["Amendment re-reviewed", "修訂已重新評審", "修订已重新评审"]),
    ("rule.CR05.explain", [
        "When changed product requirements change a contract, the changed requirements are reviewed again before the change is accepted (5.2.5.2 c, 5.2.1). Reported at the re-review date when it is blank or earlier than the amendment date. A re-review on the day of the amendment is in time.",
        "因產品要求變更而修改合同時,須對修訂內容重新評審後才可接受(5.2.5.2 c、5.2.1)。重新評審日期空白或早於修訂日期時,在重新評審日期處報告。修訂當天重新評審視為及時。",
        "因产品要求变更而修改合同时,须对修订内容重新评审后才可接受(5.2.5.2 c、5.2.1)。重新评审日期空白或早于修订日期时,在重新评审日期处报告。修订当天重新评审视为及时。",
    ]),
    ("rule.CR06.title", ["Amendment notice issued promptly", "及時發出合同修訂通知單", "及时发出合同修订通知单"]),
    ("rule.CR06.explain", [
        "After a contract is amended, the change is written on the contract amendment notice and passed without delay to the managers concerned (5.2.5.3, record 6.5). Reported at the notice number when it is blank (at the notice date when only the date is blank), and at the notice date when the notice went out more than contracts.notice_days days after the re-review.",
        "合同修訂後,銷售公司應將修訂內容填寫在合同修訂通知單上,並及時傳遞給有關管理人員(5.2.5.3,記錄 6.5)。通知單編號空白時在編號處報告(僅通知日期空白時在日期處),通知日期晚於重新評審超過 contracts.notice_days 天時在通知日期處報告。",
        "合同修订后,销售公司应将修订内容填写在合同修订通知单上,并及时传递给有关管理人员(5.2.5.3,记录 6.5)。通知单编号空白时在编号处报告(仅通知日期空白时在日期处),通知日期晚于重新评审超过 contracts.notice_days 天时在通知日期处报告。",
    ]),
    ("rule.CR07.title", ["Amendment of an unknown contract", "修訂的合同不在台帳中", "修订的合同不在台账中"]),
    ("rule.CR07.explain", [
        "An amendment changes a contract that was reviewed and committed (5.2.5), so its contract number must be in the contracts register (all its files and sheets, any month). Numbers are compared ignoring width, case and surrounding spaces. Runs only when both a contracts and an amendments register are given.",
        "修訂針對的是已評審並承諾的合同(5.2.5),因此其合同編號須在合同台帳中(所有檔案和工作表、任何月份)。比對編號時不分全形半形、大小寫,並忽略前後空格。只在同時提供合同台帳和修訂登記時檢查。",
        "修订针对的是已评审并承诺的合同(5.2.5),因此其合同编号须在合同台账中(所有文件和工作表、任何月份)。比对编号时不分全角半角、大小写,并忽略前后空格。只在同时提供合同台账和修订登记时检查。",
    ]),
    // Finding messages
    ("msg.CR01.missing", [
        "no review date: review the bid, contract or order before committing to the customer, and record the date (5.2.1)",
        "未填評審日期:標書、合同或訂單須在向顧客承諾前評審,並記錄評審日期(5.2.1)",
        "未填评审日期:标书、合同或订单须在向顾客承诺前评审,并记录评审日期(5.2.1)",
    ]),
    ("msg.CR01.missing_committed", [
        "no review date, yet committed on {commitment}: a bid, contract or order is reviewed before the commitment (5.2.1); record the review",
        "未填評審日期,但已於 {commitment} 承諾:標書、合同或訂單須在承諾前評審(5.2.1);請補記評審",
        "未填评审日期,但已于 {commitment} 承诺:标书、合同或订单须在承诺前评审(5.2.1);请补记评审",
    ]),
    ("msg.CR01.late", [
        "reviewed on {review}, after the commitment on {commitment}: the review must come first (5.2.1)",
        "評審日期 {review} 晚於承諾日期 {commitment}:須先評審後承諾(5.2.1)",
        "评审日期 {review} 晚于承诺日期 {commitment}:须先评审后承诺(5.2.1)",
    ]),
    ("msg.CR02.weak", [
        "{case}: {actual}; needs {required} ({clause})",
        "{case}:{actual};應為{required}({clause})",
        "{case}:{actual};应为{required}({clause})",
    ]),
    ("msg.CR02.unrecorded", [
        "{field} not recorded, so the review authority cannot be checked: {needs}",
        "「{field}」未填寫,無法核對評審權限:{needs}",
        "「{field}」未填写,无法核对评审权限:{needs}",
    ]),
    ("msg.CR02.undetermined", [
        "{field} is blank, so the review this order needs cannot be told: {needs}; recorded: {actual}. Fill in {field}",
        "「{field}」未填寫,無法確定此單須何種評審:{needs};記錄為:{actual}。請填寫「{field}」",
        "「{field}」未填写,无法确定此单须何种评审:{needs};记录为:{actual}。请填写「{field}」",
    ]),
    ("msg.CR02.no_column", [
        "the sheet has no {field} column, so the review authority of its orders cannot be checked (CR02); add the column",
        "工作表沒有「{field}」欄,無法核對各單的評審權限(CR02);請加上此欄",
        "工作表没有「{field}」栏,无法核对各单的评审权限(CR02);请加上此栏",
    ]),
    ("msg.CR03.oral_form", [
        "oral order without a review form number: record the order and its review on the oral-contract record and review form (6.2) and enter its number",
        "口頭訂單未填評審單編號:請將訂單及評審記在口頭合同記錄評審單(6.2)上並登記編號",
        "口头订单未填评审单编号:请将订单及评审记在口头合同记录评审单(6.2)上并登记编号",
    ]),
    ("msg.CR03.form", [
        "{method} without a review form number: record it on the product requirement review form (6.3) and enter its number",
        "{method}未填評審單編號:請填寫產品要求評審單(6.3)並登記編號",
        "{method}未填评审单编号:请填写产品要求评审单(6.3)并登记编号",
    ]),
    ("msg.CR03.minutes", [
        "meeting review without a minutes number: keep the minutes of the review meeting (6.6) and enter their number",
        "會議評審未填會議記錄編號:請保存評審會議記錄(6.6)並登記編號",
        "会议评审未填会议记录编号:请保存评审会议记录(6.6)并登记编号",
    ]),
    ("msg.CR03.approver", [
        "no approver: enter who approved the review (5.2.4)",
        "未填批准人:請填寫批准此評審的人員(5.2.4)",
        "未填批准人:请填写批准此评审的人员(5.2.4)",
    ]),
    ("msg.CR04.revised", [
        "requirements revised in the review, but no customer contact date: agree the revision with the customer and record when (5.2.4.4 b)",
        "評審結論為修訂後接受,但未填與顧客溝通日期:請與顧客溝通修訂內容並記錄日期(5.2.4.4 b)",
        "评审结论为修订后接受,但未填与顾客沟通日期:请与顾客沟通修订内容并记录日期(5.2.4.4 b)",
    ]),
    ("msg.CR04.rejected", [
        "order rejected in the review, but no customer contact date: tell the customer and record when (5.2.4.4 b)",
        "評審結論為拒絕,但未填與顧客溝通日期:請告知顧客並記錄日期(5.2.4.4 b)",
        "评审结论为拒绝,但未填与顾客沟通日期:请告知顾客并记录日期(5.2.4.4 b)",
    ]),
    ("msg.CR05.missing", [
        "no re-review date: review the amended requirements again before accepting the change (5.2.5.2 c)",
        "未填重新評審日期:修訂內容須重新評審後才可接受(5.2.5.2 c)",
        "未填重新评审日期:修订内容须重新评审后才可接受(5.2.5.2 c)",
    ]),
    ("msg.CR05.before", [
        "re-reviewed on {rereview}, before the amendment of {amendment}: review the amendment as made (5.2.5.2 c)",
        "重新評審日期 {rereview} 早於修訂日期 {amendment}:請就修訂內容重新評審(5.2.5.2 c)",
        "重新评审日期 {rereview} 早于修订日期 {amendment}:请就修订内容重新评审(5.2.5.2 c)",
    ]),
    ("msg.CR06.missing", [
        "no amendment notice: fill in the contract amendment notice and pass it to the managers concerned within {days} day{days|s} of the re-review (5.2.5.3)",
        "未發合同修訂通知單:請於重新評審後 {days} 天內填寫並傳遞給有關管理人員(5.2.5.3)",
        "未发合同修订通知单:请于重新评审后 {days} 天内填写并传递给有关管理人员(5.2.5.3)",
    ]),
    ("msg.CR06.no_number", [
        "notice date given but no notice number: enter the number of the contract amendment notice (5.2.5.3, 6.5)",
        "已填通知日期但未填通知單編號:請登記合同修訂通知單編號(5.2.5.3、6.5)",
        "已填通知日期但未填通知单编号:请登记合同修订通知单编号(5.2.5.3、6.5)",
    ]),
    ("msg.CR06.no_date", [
        "no notice date: record when the amendment notice was passed on (due within {days} day{days|s} of the re-review, 5.2.5.3)",
        "未填通知日期:請記錄修訂通知單的傳遞日期(應於重新評審後 {days} 天內,5.2.5.3)",
        "未填通知日期:请记录修订通知单的传递日期(应于重新评审后 {days} 天内,5.2.5.3)",
    ]),
    ("msg.CR06.late", [
        "notice of {notice}, {late} day{late|s} after the re-review of {rereview}; due within {days} day{days|s} (5.2.5.3)",
        "通知日期 {notice} 距重新評審 {rereview} 已 {late} 天;應於 {days} 天內發出(5.2.5.3)",
        "通知日期 {notice} 距重新评审 {rereview} 已 {late} 天;应于 {days} 天内发出(5.2.5.3)",
    ]),
    ("msg.CR07", [
        "contract {id} is in no contracts register: check the number, or enter the contract in the register",
        "合同 {id} 不在任何合同台帳中:請核對編號,或將該合同登記入台帳",
        "合同 {id} 不在任何合同台账中:请核对编号,或将该合同登记入台账",
    ]),
    // The review-authority table and its words
    ("contracts.case.oral_order", ["oral order of a routine product", "常規產品的口頭訂單", "常规产品的口头订单"]),
    ("contracts.case.routine", ["routine product under {amount}", "{amount} 以下的常規產品", "{amount} 以下的常规产品"]),
    ("contracts.case.routine_flagged", [
        "routine product with large quantity, tight delivery or technical difficulty",
        "數量較大、交貨期緊或技術難度大的常規產品",
        "数量较大、交货期紧或技术难度大的常规产品",
    ]),
    ("contracts.case.large_amount", ["routine product of {amount} or more", "{amount} 及以上的常規產品", "{amount} 及以上的常规产品"]),
    ("contracts.case.non_routine", ["non-routine product", "非常規產品", "非常规产品"]),
    ("contracts.case.customer_drawing", ["product made to the customer's drawing", "顧客帶圖加工的產品", "顾客带图加工的产品"]),
    ("contracts.case.new_product", ["new product needing design and development", "需設計開發的新產品", "需设计开发的新产品"]),
    ("contracts.case.special_tech", ["product with special technical requirements", "有特殊技術要求的產品", "有特殊技术要求的产品"]),
    ("contracts.method.authorized", ["authorized-person review", "授權人員評審", "授权人员评审"]),
    ("contracts.method.countersign", ["countersign review", "會簽評審", "会签评审"]),
    ("contracts.method.meeting", ["meeting review", "會議評審", "会议评审"]),
    ("contracts.role.sales_manager", ["sales manager", "銷售公司經理", "销售公司经理"]),
    ("contracts.role.production_vp", ["production vice-president", "生產副總經理", "生产副总经理"]),
    ("contracts.role.general_manager", ["general manager", "總經理", "总经理"]),
    ("contracts.needs", ["{case} needs {review} ({clause})", "{case}須{review}({clause})", "{case}须{review}({clause})"]),
    ("contracts.review", ["{method} approved by the {role}", "{method},經{role}批准", "{method},经{role}批准"]),
    ("contracts.review_partial", ["{method}; {role}", "{method};{role}", "{method};{role}"]),
    ("contracts.recorded", ["{field}: {value}", "{field}:{value}", "{field}:{value}"]),
    ("contracts.blank", ["blank", "空白", "空白"]),
    ("contracts.or", ["; or ", ";或", ";或"]),
    ("contracts.and", [" and ", "、", "、"]),
    ("contracts.table.title", ["Review authority in force (CR02):", "現行評審權限表(CR02):", "现行评审权限表(CR02):"]),
    ("contracts.table.order", ["Order", "訂單情況", "订单情况"]),
    ("contracts.table.method", ["Required review", "評審方式", "评审方式"]),
    ("contracts.table.approver", ["Approved by", "批准人", "批准人"]),
    ("contracts.table.ranking", [
        "A stronger review than required is compliant: {methods}; {roles}.",
        "高於要求的評審亦屬符合:{methods};{roles}。",
        "高于要求的评审亦属符合:{methods};{roles}。",
    ]),
];
