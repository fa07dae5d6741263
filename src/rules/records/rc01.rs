//! RC01 record of a closed month changed.

use crate::base::i18n::Entry;
use crate::base::message::{Arg, Join, Message, Word};
use crate::month::{changes, Change, Coverage, Fingerprint};
use crate::registers::{ColumnType, Kind, Record};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **RC01 record of a closed month changed** (warning; procedure Part 1, 6 and the records
/// control procedure; ISO 9001 7.5.3). A record of a month already reported holds other values
/// now than at that report. One finding per record, at the cell of its first changed field (in
/// column order): one record changed is one thing to explain, however many of its cells; the
/// message names every changed field, its value then and now (`review date 2026-10-08 →
/// 2026-10-03`). Values are compared in canonical form ([`crate::month::Fingerprint`]), so
/// re-typing a value is no change. Records of the current period (see [`super`]) and of months
/// never reported are not compared. Needs the history: without one, nothing is found.
pub struct Rc01;

/// A value longer than this is shown cut, with `…`.
const SHOWN_CHARS: usize = 40;

impl Rule for Rc01 {
    fn id(&self) -> &'static str {
        "RC01"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        super::CLAUSE
    }
    fn texts(&self) -> &'static [Entry] {
        TEXTS
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let closed = &ctx.month.closed;
        for kind in Kind::ALL {
            if closed.count(kind) == 0 {
                continue;
            }
            let packed = ctx.month.prints().of(kind);
            for now in packed.prints() {
                let Some(then) = closed.find(kind, packed.key(now)) else {
                    continue;
                };
                // The same bytes are the same values: most records, read back unchanged.
                if then.fields == packed.fields(now) {
                    continue;
                }
                let i = now.index as usize;
                let current = ctx.month.coverage_of(kind, i) == Coverage::Covered || super::in_period(ctx, now.belongs);
                if current || !super::before_period(ctx, then.belongs) {
                    continue;
                }
                let (Some(then), Some(now), Some(record)) = (
                    then.fingerprint(),
                    packed.fingerprint(kind, now, "", ""),
                    ctx.month.register(kind).get(i),
                ) else {
                    continue;
                };
                out.extend(self.finding(ctx, record, &then, &now));
            }
        }
    }
}

impl Rc01 {
    /// The finding of a record changed from `then` to `now`, at its first changed field.
    fn finding(&self, ctx: &Context, record: &Record, then: &Fingerprint, now: &Fingerprint) -> Option<Finding> {
        let kind = now.kind;
        let changed = changes(then, now);
        let field = kind.any_field(changed.first()?.field)?;
        let shown = changed.iter().map(|c| change(kind, c).into());
        let message = Message::of(
            "msg.RC01",
            [
                ("month", Arg::period(&then.month)),
                ("changes", Arg::list(Join::Key("msg.RC01.sep".into()), shown)),
            ],
        );
        let mut finding = ctx.finding(self, record, field, message);
        finding.record = now.record.clone();
        Some(finding)
    }
}

/// `review date 2026-10-08 → 2026-10-03`, in the report language.
fn change(kind: Kind, change: &Change) -> Message {
    let value = |v: Option<&str>| shown(kind, change.field, v);
    Message::of(
        "rc01.change",
        [
            ("field", Arg::field(change.field)),
            ("then", value(change.then)),
            ("now", value(change.now)),
        ],
    )
}

/// A canonical value as a person reads it: yes/no and options in words, a blank as blank, a long
/// text cut.
fn shown(kind: Kind, field: &str, value: Option<&str>) -> Arg {
    let Some(value) = value else {
        return Arg::text("rc01.blank");
    };
    let column = kind.columns().iter().find(|c| c.name == field);
    match (column.map(|c| c.ty), value) {
        (Some(ColumnType::Flag), "true") => Arg::text("rc01.yes"),
        (Some(ColumnType::Flag), "false") => Arg::text("rc01.no"),
        (Some(ColumnType::Enum(options)), code) => match options.iter().find(|o| o.code == code) {
            Some(option) => Word::Option(kind.id().into(), field.to_string().into(), option.code.to_string()).into(),
            None => cut(code).into(),
        },
        _ => cut(value).into(),
    }
}

fn cut(value: &str) -> String {
    match value.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_string(),
    }
}

#[rustfmt::skip]
static TEXTS: &[Entry] = &[
    ("rule.RC01.title", ["Record of a closed month changed", "已報告月份的記錄被更改", "已报告月份的记录被更改"]),
    ("rule.RC01.explain", [
        "A record of a month already reported (an order, amendment, piece of feedback, visit or call-back whose month's report has been made) now holds other values than it held at that report. Records are controlled once they are made: a correction is made openly, with its date and who made it, not by overwriting the register. The finding names each changed field with its value then and now, at the cell of the first. Typing the same value another way is no change (a date typed as text, then as a date cell; 120萬 for 1200000). Records of the report period, feedback still open, guest profiles (kept up to date every month) and records of months never reported are not compared. The rule needs the history that clerk run keeps in the output folder (clerk-history.sqlite): without it, it finds nothing.",
        "已報告月份的記錄（該月報告已產生的訂單、合同修訂、顧客反饋、消費或回訪記錄）現在的值與報告時不同。記錄一經形成即受控制：更正應公開進行，註明日期和更正人，不可直接覆蓋台帳。問題列出每個被更改的欄位及其原值和現值，位置為第一個被更改的儲存格。同一個值換一種寫法不算更改（日期先以文字、後以日期儲存格輸入；120萬與 1200000）。報告期間內的記錄、仍未結案的反饋、客史檔案（每月更新）以及從未報告過的月份的記錄不作比較。此規則需要 clerk run 在輸出資料夾保存的歷史（clerk-history.sqlite）；沒有歷史時不會發現任何問題。",
        "已报告月份的记录（该月报告已产生的订单、合同修订、顾客反馈、消费或回访记录）现在的值与报告时不同。记录一经形成即受控制：更正应公开进行，注明日期和更正人，不可直接覆盖台账。问题列出每个被更改的列及其原值和现值，位置为第一个被更改的单元格。同一个值换一种写法不算更改（日期先以文字、后以日期单元格输入；120万与 1200000）。报告期间内的记录、仍未结案的反馈、客史档案（每月更新）以及从未报告过的月份的记录不作比较。此规则需要 clerk run 在输出文件夹保存的历史（clerk-history.sqlite）；没有历史时不会发现任何问题。",
    ]),
    ("msg.RC01", [
        "Changed since the report of {month}: {changes}. Correct a closed month's record openly, not by overwriting it.",
        "{month}報告後被更改：{changes}。已報告月份的記錄應公開更正，不可直接覆蓋。",
        "{month}报告后被更改：{changes}。已报告月份的记录应公开更正，不可直接覆盖。",
    ]),
    ("rc01.change", ["{field} {then} → {now}", "{field} {then} → {now}", "{field} {then} → {now}"]),
    ("msg.RC01.sep", ["; ", "；", "；"]),
    ("rc01.blank", ["(blank)", "（空白）", "（空白）"]),
    ("rc01.yes", ["yes", "是", "是"]),
    ("rc01.no", ["no", "否", "否"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    /// E: amount, F: large quantity, G: received, H: review date, I: commitment.
    const HEADER: &str = "合同編號 | 顧客 | 類型 | 產品類別 | 金額 | 數量較大 | 接收日期 | 評審日期 | 承諾日期";

    fn contracts(rows: &[&str]) -> Sheet {
        Sheet::new(Kind::Contracts, HEADER, rows)
    }

    /// What September's report read.
    fn september() -> [Sheet; 1] {
        [contracts(&[
            "HT-1 | 甲公司 | 合同 | 常規產品 | 500000 |  | 2026-09-01 | 2026-09-08 | 2026-09-10",
            "HT-2 | 乙公司 | 合同 | 常規產品 | 1200000 |  | 2026-09-02 | 2026-09-03 | 2026-09-04",
            "HT-3 | 丙公司 | 合同 | 常規產品 | 300000 |  | 2026-09-25 | 2026-09-26 | 2026-10-05",
            "HT-4 | 丁公司 | 合同 | 常規產品 | 80000 |  | 2026-08-20 | 2026-08-21 | 2026-08-22",
        ])]
    }

    #[test]
    fn a_changed_record_of_a_reported_month_is_found_at_its_changed_cell_with_then_and_now() {
        let now = contracts(&[
            "HT-1 | 甲公司 | 合同 | 常規產品 | 500000 |  | 2026-09-01 | 2026-09-03 | 2026-09-10",
            "HT-2 | 乙公司 | 合同 | 常規產品 | 120萬 |  | 2026/9/2 | 2026年9月3日 | ２０２６-０９-０４",
        ]);
        let found = run_after(&Rc01, reported(&[("2026-09", &september())]), "2026-10", &[now]);
        assert_eq!(
            spots(&found),
            [spot("HT-1", "H2", Severity::Warning)],
            "HT-2 only re-typed"
        );
        assert_eq!(
            found[0].message.as_str(),
            "Changed since the report of September 2026: review date 2026-09-08 → 2026-09-03. Correct a closed month's record openly, not by overwriting it."
        );
        assert_eq!(
            (found[0].field.as_str(), found[0].clause),
            ("review_date", "6; ISO 9001 7.5.3")
        );
    }

    #[test]
    fn several_changed_fields_are_one_finding_at_the_first_naming_each_in_words() {
        let now = contracts(&["HT-1 | 甲有限公司 | 訂單 | 常規產品 | 550000 | 是 | 2026-09-01 |  | 2026-09-10"]);
        let found = run_after(
            &Rc01,
            reported(&[("2026-09", &september())]),
            "2026-10",
            std::slice::from_ref(&now),
        );
        assert_eq!(spots(&found), [spot("HT-1", "B2", Severity::Warning)]);
        assert_says(
            found[0].message.as_str(),
            &[
                "customer 甲公司 → 甲有限公司; document type contract → order; amount 500000 → 550000; large quantity (blank) → yes; review date 2026-09-08 → (blank).",
            ],
        );
        // In Chinese, with Chinese punctuation and the option in its Chinese word.
        let settings = Settings::default();
        let registers = registers(&settings, &[now]);
        let period = crate::month::Period::parse("2026-10").unwrap();
        let month = crate::month::Month::new(&registers, &period, &settings)
            .with_closed(reported(&[("2026-09", &september())]));
        let ctx = Context::new(&month, crate::rules::tests::catalogue(Lang::ZhHant));
        let mut out = Vec::new();
        Rc01.check(&ctx, &mut out);
        assert_eq!(
            ctx.text.render(&out[0].message),
            "2026年9月報告後被更改：顧客 甲公司 → 甲有限公司；類型 合同 → 訂單；金額 500000 → 550000；數量較大 （空白） → 是；評審日期 2026-09-08 → （空白）。已報告月份的記錄應公開更正，不可直接覆蓋。"
        );
    }

    #[test]
    fn records_of_the_current_period_and_of_months_never_reported_are_not_compared() {
        // HT-3 was read by September's report but is committed in October: this period's.
        // HT-4 is August's, and August was never reported. HT-2 was September's, but its
        // commitment is now in October: the period covers it, it is being worked on.
        let now = contracts(&[
            "HT-3 | 丙公司 | 合同 | 常規產品 | 350000 |  | 2026-09-25 | 2026-09-27 | 2026-10-05",
            "HT-4 | 丁公司 | 合同 | 常規產品 | 90000 |  | 2026-08-20 | 2026-08-21 | 2026-08-22",
            "HT-2 | 乙公司 | 合同 | 常規產品 | 1200000 |  | 2026-09-02 | 2026-09-03 | 2026-10-04",
        ]);
        let found = run_after(
            &Rc01,
            reported(&[("2026-09", &september())]),
            "2026-10",
            std::slice::from_ref(&now),
        );
        assert!(found.is_empty(), "{found:?}");
        // Once August is reported too, HT-4 is a closed month's record.
        let august = [contracts(&[
            "HT-4 | 丁公司 | 合同 | 常規產品 | 80000 |  | 2026-08-20 | 2026-08-21 | 2026-08-22",
        ])];
        let history = reported(&[("2026-08", &august), ("2026-09", &september())]);
        let found = run_after(&Rc01, history, "2026-10", std::slice::from_ref(&now));
        assert_eq!(spots(&found), [spot("HT-4", "E3", Severity::Warning)]);
        // Rerunning September itself: September is the period, not a closed month.
        let found = run_after(
            &Rc01,
            reported(&[("2026-09", &september())]),
            "2026-09",
            std::slice::from_ref(&now),
        );
        assert!(found.is_empty(), "{found:?}");
        // No history: nothing.
        assert!(run(&Rc01, "2026-10", &[now]).is_empty());
    }

    #[test]
    fn feedback_open_at_its_report_may_be_finished_later_but_a_finished_one_not_changed() {
        let header = "編號 | 接收日期 | 顧客 | 評審日期 | 解決日期 | 處理措施";
        let then = [Sheet::new(
            Kind::Feedback,
            header,
            &[
                "FB-1 | 2026-09-20 | 甲 |  |  | ",
                "FB-2 | 2026-09-05 | 乙 | 2026-09-06 | 2026-09-10 | 退換",
            ],
        )];
        let now = Sheet::new(
            Kind::Feedback,
            header,
            &[
                "FB-1 | 2026-09-20 | 甲 | 2026-10-02 | 2026-10-12 | 維修",
                "FB-2 | 2026-09-05 | 乙 | 2026-09-06 | 2026-09-10 | 道歉",
            ],
        );
        let found = run_after(&Rc01, reported(&[("2026-09", &then)]), "2026-10", &[now]);
        assert_eq!(spots(&found), [spot("FB-2", "F3", Severity::Warning)]);
        assert_says(found[0].message.as_str(), &["action 退換 → 道歉"]);
    }

    #[test]
    fn a_long_value_is_cut() {
        assert_eq!(cut("短"), "短");
        assert_eq!(cut(&"字".repeat(50)), format!("{}…", "字".repeat(40)));
    }
}
