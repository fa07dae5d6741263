//! The feedback part of the HTML summary.

use super::{OpenComplaint, Section};
use crate::base::i18n::Catalogue;
use crate::report::{HtmlBlock, Report};

/// `3 of 5` / `3 / 5`.
fn of(text: &Catalogue, n: usize, total: usize) -> String {
    text.fmt(
        "feedback.html.of",
        &[("n", &n.to_string()), ("total", &total.to_string())],
    )
}

/// Headline figures and short lists for the HTML summary.
pub fn html_blocks(report: &Report) -> Vec<HtmlBlock> {
    let text = report.text();
    let s = &report.feedback;
    if !s.present {
        return vec![HtmlBlock {
            title: text.get("feedback.html.title"),
            note: s.absent_text.clone(),
            ..HtmlBlock::default()
        }];
    }
    vec![feedback_block(&text, s), complaints_block(&text, s)]
}

/// The feedback received, reviewed, resolved, still open, serviced.
fn feedback_block(text: &Catalogue, s: &Section) -> HtmlBlock {
    let f = &s.figures;
    let days = s.review_days.to_string();
    let open = match s.open_items.iter().map(|i| i.age_days).max() {
        Some(days) => text.fmt(
            "feedback.html.open_value",
            &[("open", &f.open.to_string()), ("days", &days.to_string())],
        ),
        None => f.open.to_string(),
    };
    let received = [
        ("received", f.received.to_string()),
        ("complaints", f.complaints.to_string()),
    ];
    let received: Vec<(&str, &str)> = received.iter().map(|(k, v)| (*k, v.as_str())).collect();
    HtmlBlock {
        title: text.get("feedback.html.title"),
        figures: vec![
            (
                text.get("feedback.html.received"),
                text.fmt("feedback.html.received_value", &received),
            ),
            (
                text.fmt("feedback.html.reviewed", &[("days", &days)]),
                of(text, f.reviewed_on_time, f.received),
            ),
            (text.get("feedback.html.resolved"), of(text, f.resolved, f.received)),
            (text.get("feedback.html.open"), open),
            (
                text.get("feedback.html.services"),
                of(text, f.services_complete, f.services),
            ),
        ],
        ..HtmlBlock::default()
    }
}

/// The complaints open and overdue, major ones reported late, phrases, courtesy; the overdue ones
/// listed.
fn complaints_block(text: &Catalogue, s: &Section) -> HtmlBlock {
    let c = &s.complaints;
    let hours = s.report_hours.to_string();
    let courtesy = match c.courtesy_share {
        Some(share) => text.fmt(
            "feedback.html.share_of",
            &[
                ("pct", &format!("{:.0}%", share * 100.0)),
                ("n", &c.courteous.to_string()),
                ("total", &c.replies.to_string()),
            ],
        ),
        None => "–".to_string(),
    };
    let overdue: Vec<&OpenComplaint> = c.open.iter().filter(|o| o.overdue).collect();
    HtmlBlock {
        title: text.get("feedback.html.cp_title"),
        figures: vec![
            (text.get("feedback.html.cp_open"), c.open.len().to_string()),
            (text.get("feedback.html.cp_overdue"), c.overdue.to_string()),
            (
                text.fmt("feedback.html.cp_major", &[("hours", &hours)]),
                of(text, c.major_not_on_time, c.major.len()),
            ),
            (text.get("feedback.html.cp_phrases"), c.phrases.len().to_string()),
            (text.get("feedback.html.cp_courtesy"), courtesy),
        ],
        columns: if overdue.is_empty() {
            Vec::new()
        } else {
            vec![
                text.get("feedback.col.id"),
                text.get("feedback.col.customer"),
                text.get("feedback.col.received"),
                text.get("feedback.col.next_reply"),
                text.get("feedback.cp.col.overdue_days"),
                text.get("feedback.col.handler"),
            ]
        },
        rows: overdue
            .iter()
            .map(|o| {
                vec![
                    o.id.clone(),
                    o.customer.clone(),
                    o.received.to_string(),
                    o.next_reply_date.map(|d| d.to_string()).unwrap_or_default(),
                    o.overdue_days.map(|d| d.to_string()).unwrap_or_default(),
                    o.handler.clone(),
                ]
            })
            .collect(),
        note: if overdue.is_empty() {
            text.get("feedback.html.no_overdue")
        } else {
            String::new()
        },
    }
}
