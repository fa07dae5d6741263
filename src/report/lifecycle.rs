//! Since last month (issue 25): each finding's status counted — new, carried over, and last
//! month's findings fixed or gone —, the oldest open findings, and the one line the HTML summary
//! opens with. The statuses themselves come from the history ([`crate::history::lifecycle`]);
//! here they are only counted and worded.

use crate::base::i18n::{Catalogue, Entry};
use crate::history::{months_between, StoredFinding};
use crate::registers::Kind;
use crate::rules::finding::{Finding, Severity, Status};

/// How many of the oldest open findings the Summary lists.
pub const OLDEST: usize = 10;

/// The month against the previous reported one.
#[derive(Clone, Debug, Default)]
pub struct Lifecycle {
    /// The previous reported month (`YYYY-MM`); None in the history's first month.
    pub previous: Option<String>,
    /// The previous month's findings absent now (fixed, then gone), as rows of their own.
    pub closed: Vec<ClosedRow>,
    /// The open findings first reported longest ago (carried over), oldest first.
    pub oldest: Vec<OldestRow>,
    pub new: usize,
    pub carried_over: usize,
    pub fixed: usize,
    pub gone: usize,
}

/// A finding of last month no longer found.
#[derive(Clone, Debug)]
pub struct ClosedRow {
    pub status: Status,
    pub status_text: String,
    pub severity: Severity,
    pub severity_text: String,
    pub rule: String,
    pub register: Option<Kind>,
    pub register_label: String,
    pub record: String,
    pub file: String,
    pub sheet: String,
    /// The cell as last month's report named it (`F17`; a CSV file's line and column).
    pub cell: String,
    /// The row and column as findings.json names them (the column empty when there was none).
    pub row: u32,
    pub column: String,
    pub field: String,
    pub field_label: String,
    pub message: String,
    pub first_reported: String,
}

/// An open finding and how long it has been open.
#[derive(Clone, Debug)]
pub struct OldestRow {
    pub rule: &'static str,
    pub register_label: String,
    pub record: String,
    pub message: String,
    pub first_reported: String,
    /// Whole months since it was first reported.
    pub months: u32,
}

impl Lifecycle {
    /// Counts this month's `findings` (their statuses set) and words last month's `closed` ones.
    pub fn new(
        period: &str,
        previous: Option<String>,
        findings: &[Finding],
        closed: &[StoredFinding],
        text: &Catalogue,
    ) -> Self {
        let count = |s: Status| {
            findings
                .iter()
                .filter(|f| f.since.as_ref().is_some_and(|x| x.status == s))
                .count()
        };
        let mut oldest: Vec<(&Finding, &str)> = findings
            .iter()
            .filter_map(|f| {
                let since = f.since.as_ref().filter(|s| s.status == Status::CarriedOver)?;
                Some((f, since.first_reported.as_str()))
            })
            .collect();
        // Oldest first; among the same month, in the report's order (a stable sort).
        oldest.sort_by(|a, b| a.1.cmp(b.1));
        oldest.truncate(OLDEST);
        let oldest = (oldest.into_iter())
            .map(|(f, first)| OldestRow {
                rule: f.rule,
                register_label: f.register.label(text),
                record: f.record.clone(),
                message: text.render(&f.message),
                first_reported: first.to_string(),
                months: months_between(first, period),
            })
            .collect();
        let mut closed: Vec<ClosedRow> = closed.iter().map(|f| closed_row(f, text)).collect();
        closed.sort_by_key(|c| c.status);
        Lifecycle {
            new: count(Status::New),
            carried_over: count(Status::CarriedOver),
            fixed: closed.iter().filter(|c| c.status == Status::Fixed).count(),
            gone: closed.iter().filter(|c| c.status == Status::Gone).count(),
            previous,
            closed,
            oldest,
        }
    }

    /// Findings still open this month.
    pub fn open(&self) -> usize {
        self.new + self.carried_over
    }

    /// The HTML summary's first line: "12 fixed since September 2026; 5 still open, the oldest
    /// for 3 months". None in the history's first month.
    pub fn headline(&self, text: &Catalogue) -> Option<String> {
        let previous = self.previous.as_deref()?;
        let (fixed, gone) = (self.fixed.to_string(), self.gone.to_string());
        let since = crate::month::period_words(previous, text);
        let closed = match (self.fixed, self.gone) {
            (0, 0) => text.fmt("lifecycle.nothing_fixed_since", &[("previous", &since)]),
            (_, 0) => text.fmt("lifecycle.fixed_since", &[("fixed", &fixed), ("previous", &since)]),
            _ => text.fmt(
                "lifecycle.fixed_gone_since",
                &[("fixed", &fixed), ("gone", &gone), ("previous", &since)],
            ),
        };
        let open = self.open().to_string();
        let oldest = self.oldest.first().map_or(0, |o| o.months);
        let open = match (self.open(), oldest) {
            (0, _) => text.get("lifecycle.none_open"),
            (_, 0) => text.fmt("lifecycle.all_new", &[("open", &open)]),
            _ => {
                let months = months_words(oldest, text);
                text.fmt("lifecycle.still_open", &[("open", &open), ("months", &months)])
            }
        };
        Some(text.fmt("lifecycle.headline", &[("closed", &closed), ("open", &open)]))
    }
}

/// `3 months`, `1 month` in the report language.
pub fn months_words(months: u32, text: &Catalogue) -> String {
    let key = if months == 1 {
        "lifecycle.month"
    } else {
        "lifecycle.months"
    };
    text.fmt(key, &[("n", &months.to_string())])
}

fn closed_row(f: &StoredFinding, text: &Catalogue) -> ClosedRow {
    let register = Kind::from_id(&f.register);
    // As findings.json names the column: letters, or a CSV file's column number (`R12C3`).
    let cell = match f.column.as_str() {
        "" => f.row.to_string(),
        column if column.bytes().all(|b| b.is_ascii_digit()) => format!("R{}C{column}", f.row),
        column => format!("{column}{}", f.row),
    };
    ClosedRow {
        status: f.status,
        status_text: text.get(&format!("status.{}", f.status.id())),
        severity: f.severity,
        severity_text: text.get(&format!("severity.{}", f.severity.id())),
        rule: f.rule.clone(),
        register,
        register_label: register.map_or_else(|| f.register.clone(), |k| k.label(text)),
        record: f.record.clone(),
        file: f.file.clone(),
        sheet: f.sheet.clone(),
        cell,
        row: f.row,
        column: f.column.clone(),
        field: f.field.clone(),
        field_label: crate::registers::texts::field_label(text, &f.field),
        message: text.render(&f.message),
        first_reported: f.first_reported.clone(),
    }
}

#[rustfmt::skip]
pub static TEXTS: &[Entry] = &[
    ("lifecycle.headline", ["{closed}; {open}.", "{closed}；{open}。", "{closed}；{open}。"]),
    ("lifecycle.nothing_fixed_since", ["Nothing fixed since {previous}", "自{previous}以來沒有改正的問題", "自{previous}以来没有改正的问题"]),
    ("lifecycle.fixed_since", ["{fixed} fixed since {previous}", "自{previous}以來已改正 {fixed} 項", "自{previous}以来已改正 {fixed} 项"]),
    ("lifecycle.fixed_gone_since", [
        "{fixed} fixed and {gone} gone with their records since {previous}",
        "自{previous}以來已改正 {fixed} 項，另有 {gone} 項因記錄已刪除而不再出現",
        "自{previous}以来已改正 {fixed} 项，另有 {gone} 项因记录已删除而不再出现",
    ]),
    ("lifecycle.still_open", ["{open} still open, the oldest for {months}", "仍有 {open} 項未改正，最久的已 {months}", "仍有 {open} 项未改正，最久的已 {months}"]),
    ("lifecycle.all_new", ["{open} open, all of them new this month", "本月有 {open} 項問題，全部是新發現的", "本月有 {open} 项问题，全部是新发现的"]),
    ("lifecycle.none_open", ["nothing is open", "沒有未改正的問題", "没有未改正的问题"]),
    ("lifecycle.month", ["{n} month", "{n} 個月", "{n} 个月"]),
    ("lifecycle.months", ["{n} months", "{n} 個月", "{n} 个月"]),
    ("lifecycle.title", ["Since last month ({previous})", "與上月（{previous}）相比", "与上月（{previous}）相比"]),
    ("lifecycle.oldest", ["Oldest open findings", "最久未改正的問題", "最久未改正的问题"]),
    ("lifecycle.all", ["All departments", "全部部門", "全部部门"]),
    ("status.new", ["New", "新增", "新增"]),
    ("status.carried_over", ["Carried over", "延續", "延续"]),
    ("status.fixed", ["Fixed", "已改正", "已改正"]),
    ("status.gone", ["Gone (record deleted)", "記錄已刪除", "记录已删除"]),
    ("col.department", ["Department", "部門", "部门"]),
    ("col.new", ["New", "新增", "新增"]),
    ("col.carried_over", ["Carried over", "延續", "延续"]),
    ("col.fixed", ["Fixed", "已改正", "已改正"]),
    ("col.gone", ["Gone", "記錄已刪除", "记录已删除"]),
    ("col.status", ["Status", "狀態", "状态"]),
    ("col.first_reported", ["First reported", "首次報告", "首次报告"]),
    ("col.months_open", ["Months open", "未改正月數", "未改正月数"]),
    ("sheet.fixed", ["Fixed since last month", "上月以來已改正", "上月以来已改正"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::{Lang, Texts};

    #[test]
    fn the_headline_says_nothing_was_fixed_rather_than_zero() {
        let texts = Texts::new(&[TEXTS, crate::month::PERIOD_TEXTS]).leak();
        let line = |fixed, lang| {
            let l = Lifecycle {
                previous: Some("2026-11".into()),
                new: 2,
                fixed,
                ..Lifecycle::default()
            };
            l.headline(&Catalogue::new(lang, texts)).unwrap()
        };
        assert!(
            line(0, Lang::En).starts_with("Nothing fixed since November 2026;"),
            "{}",
            line(0, Lang::En)
        );
        assert!(line(3, Lang::En).starts_with("3 fixed since November 2026;"));
        assert!(
            line(0, Lang::ZhHant).starts_with("自2026年11月以來沒有改正的問題；"),
            "{}",
            line(0, Lang::ZhHant)
        );
    }
}
