//! New A-class guests and their monthly call-backs (procedure Part 2 四.2), and the class changes
//! their spend proposes (四.4).

use super::{guest_text, month_words, CallbackRow, ProposalRow};
use crate::base::i18n::Catalogue;
use crate::month::guests::{class_rank, Guests};
use crate::registers::guests;

pub(super) fn callback_status(text: &Catalogue, g: &Guests, callbacks_present: bool) -> Vec<CallbackRow> {
    let (Some(first), Some(last)) = (g.months.first(), g.months.last()) else {
        return Vec::new();
    };
    let (from, to) = (first.0, last.1);
    let mut out = Vec::new();
    for new in &g.new_a {
        let record = g.book.record(new.guest);
        let dates = &g.calls[new.guest];
        let missing_months: Vec<String> = new.missing.iter().map(|s| month_words(*s, text)).collect();
        let ok = callbacks_present && missing_months.is_empty();
        let status = if !callbacks_present {
            text.get("guests.callback.no_register")
        } else if ok {
            text.get("guests.callback.ok")
        } else {
            text.fmt("guests.callback.missing", &[("months", &text.list(&missing_months))])
        };
        out.push(CallbackRow {
            guest_id: guest_text(record, guests::GUEST_ID),
            name: guest_text(record, guests::NAME),
            account_manager: guest_text(record, guests::ACCOUNT_MANAGER),
            developed: record.day(guests::DEVELOPED_DATE),
            calls: dates.iter().filter(|d| from <= **d && **d <= to).count(),
            last_call: dates.iter().rev().find(|d| **d <= to).copied(),
            missing_months,
            status,
            ok,
        });
    }
    out
}

fn direction(text: &Catalogue, recorded: Option<&str>, proposed: &str) -> String {
    if class_rank(proposed) < class_rank(recorded.unwrap_or("C")) {
        text.get("guests.change.up")
    } else {
        text.get("guests.change.down")
    }
}

pub(super) fn proposal_rows(text: &Catalogue, g: &Guests) -> Vec<ProposalRow> {
    let mut found = g.proposals.clone();
    found.sort_by(|a, b| {
        class_rank(a.proposed)
            .cmp(&class_rank(b.proposed))
            .then_with(|| b.spend.spend.cmp(&a.spend.spend))
            .then_with(|| a.guest.cmp(&b.guest))
    });
    found
        .into_iter()
        .map(|p| {
            let record = g.book.record(p.guest);
            ProposalRow {
                guest_id: guest_text(record, guests::GUEST_ID),
                name: guest_text(record, guests::NAME),
                company: guest_text(record, guests::COMPANY),
                recorded: p.recorded.unwrap_or_default().to_string(),
                proposed: p.proposed.to_string(),
                direction: direction(text, p.recorded, p.proposed),
                spend: p.spend.spend,
                visits: p.spend.visits,
                average: p.spend.average(),
            }
        })
        .collect()
}
