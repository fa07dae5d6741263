//! The guests' part of the HTML summary.

use chrono::NaiveDate;

use super::{Analysis, Section, HTML_ATTENTION_ROWS};
use crate::base::i18n::Catalogue;
use crate::base::text::money_text;
use crate::report::{HtmlBlock, Report};
use crate::values;

impl super::AttentionRow {
    /// The guest's phone number as shown to those who may not see it whole: `138****5678` when
    /// personal data is masked.
    pub fn shown_phone(&self, mask: bool) -> String {
        let t = self.texts();
        match mask && !t.phone_digits.is_empty() {
            true => values::mask_phone(t.phone_digits),
            false => t.phone.to_string(),
        }
    }
}

/// A yearly date as the HTML shows it: `**-03-14` when personal data is masked.
pub(super) fn shown_day(recorded: Option<NaiveDate>, mask: bool) -> String {
    match recorded {
        Some(d) if mask => format!("**-{}", d.format("%m-%d")),
        Some(d) => d.to_string(),
        None => String::new(),
    }
}

/// A share as a bar of block characters, for e-mail clients that show no images.
pub(super) fn bar(share: f64) -> String {
    let blocks = (share * 20.0).round().clamp(0.0, 20.0) as usize;
    format!("{} {:.1}%", "█".repeat(blocks), share * 100.0)
}

/// Headline figures and short lists for the HTML summary.
pub fn html_blocks(report: &Report) -> Vec<HtmlBlock> {
    let text = report.text();
    let s = &report.guests;
    let mut guests = HtmlBlock {
        title: text.get("guests.html.title"),
        ..HtmlBlock::default()
    };
    if !s.guests_present {
        guests.note = text.get("kind.absent.guests");
        if !s.visits_present {
            return vec![guests];
        }
    }
    let mut notes = Vec::new();
    if s.guests_present {
        profile_figures(&text, s, &mut guests, &mut notes);
    }
    if s.visits_present {
        guests.figures.push((
            text.get("guests.fig.year_spend"),
            format!("{} {}", money_text(s.year_spend), report.currency),
        ));
        guests
            .figures
            .push((text.get("guests.fig.year_visits"), s.year_visits.to_string()));
    } else {
        notes.push(text.get("kind.absent.visits"));
    }
    if s.guests_present {
        attention_rows(&text, s, report.masks_personal_data(), &mut guests, &mut notes);
    }
    let notes: Vec<String> = std::iter::once(guests.note)
        .chain(notes)
        .filter(|n| !n.is_empty())
        .collect();
    guests.note = text.sentences(&notes);
    let mut blocks = vec![guests];
    blocks.extend(s.analyses.iter().map(|a| analysis_block(report, a)));
    blocks
}

/// The profiles by class, new A-class guests and their call-backs, proposals, attention rows.
fn profile_figures(text: &Catalogue, s: &Section, guests: &mut HtmlBlock, notes: &mut Vec<String>) {
    let int = |n: usize| n.to_string();
    let [a, b, c, none] = s.class_counts;
    guests.figures.push((
        text.get("guests.fig.profiles"),
        text.fmt(
            "guests.fig.profiles_value",
            &[
                ("n", &int(s.profiles)),
                ("a", &int(a)),
                ("b", &int(b)),
                ("c", &int(c)),
                ("none", &int(none)),
            ],
        ),
    ));
    guests
        .figures
        .push((text.get("guests.fig.new_a"), int(s.callbacks.len())));
    if s.callbacks_present {
        guests
            .figures
            .push((text.get("guests.fig.callbacks_missing"), int(s.callbacks_missing)));
    } else {
        notes.push(text.get("guests.note.no_callbacks"));
    }
    if s.visits_present {
        guests
            .figures
            .push((text.get("guests.fig.proposals"), int(s.proposals.len())));
    }
    guests.figures.push((
        text.fmt("guests.fig.attention", &[("month", &s.next_month)]),
        int(s.attention.len()),
    ));
}

/// The first rows of the key-attention list, phone numbers and days masked when asked.
fn attention_rows(text: &Catalogue, s: &Section, mask: bool, guests: &mut HtmlBlock, notes: &mut Vec<String>) {
    guests.columns = vec![
        text.get("guests.col.guest"),
        text.get("guests.col.class"),
        text.get("guests.col.reasons"),
        text.get("guests.col.days"),
        text.get("guests.col.phone"),
    ];
    for r in s.attention.iter().take(HTML_ATTENTION_ROWS) {
        let mut days = Vec::new();
        if r.birthday.is_some() {
            days.push(text.fmt(
                "guests.html.birthday",
                &[("day", &shown_day(r.birthday_recorded, mask))],
            ));
        }
        if r.anniversary.is_some() {
            days.push(text.fmt(
                "guests.html.anniversary",
                &[("day", &shown_day(r.anniversary_recorded, mask))],
            ));
        }
        let phone = r.shown_phone(mask);
        let t = r.texts();
        let who = format!("{} {}", t.guest_id, t.name).trim().to_string();
        guests.rows.push(vec![
            who,
            t.class.to_string(),
            t.reasons.to_string(),
            text.list(&days),
            phone,
        ]);
    }
    if s.attention.len() > HTML_ATTENTION_ROWS {
        notes.push(text.fmt(
            "html.more",
            &[("n", &(s.attention.len() - HTML_ATTENTION_ROWS).to_string())],
        ));
    }
}

/// One consumption analysis: its figures, spend by group, the top guest.
fn analysis_block(report: &Report, a: &Analysis) -> HtmlBlock {
    let text = report.text();
    let mut block = HtmlBlock {
        title: format!("{} {}", text.get(&format!("guests.analysis.{}", a.scope)), a.label),
        ..HtmlBlock::default()
    };
    block.figures = vec![
        (
            text.get("guests.fig.spend"),
            format!("{} {}", money_text(a.spend), report.currency),
        ),
        (text.get("guests.fig.visits"), a.visits.to_string()),
        (
            text.get("guests.fig.average"),
            a.average.map(money_text).unwrap_or_default(),
        ),
        (
            text.get("guests.fig.guests_with_visits"),
            a.guests_with_visits.to_string(),
        ),
    ];
    if !report.guests.guests_present {
        return block;
    }
    block
        .figures
        .push((text.get("guests.fig.upgrades"), a.upgrades.to_string()));
    block
        .figures
        .push((text.get("guests.fig.downgrades"), a.downgrades.to_string()));
    block.columns = vec![
        text.get("guests.col.group"),
        text.get("guests.col.spend"),
        text.get("guests.col.share"),
    ];
    block.rows = a
        .by_group
        .iter()
        .filter(|g| g.visits > 0)
        .map(|g| vec![g.label.clone(), money_text(g.spend), bar(g.share)])
        .collect();
    if let Some(top) = a.top.first() {
        block.note = text.fmt(
            "guests.html.top",
            &[
                ("guest", format!("{} {}", top.guest_id, top.name).trim()),
                ("spend", &money_text(top.spend)),
            ],
        );
    }
    block
}
