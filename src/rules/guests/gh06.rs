//! GH06 possible duplicate profile.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::history::id_key;
use super::list_some;
use crate::registers::{Kind, Record, Value};
use crate::rules::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

/// **GH06 possible duplicate profile** (warning; procedure Part 2 三, 四.1). Two guest profiles
/// carry the same phone number (compared after normalising: `+86`, spaces, dashes and brackets
/// do not count), or the same name and the same company (compared across width, case and
/// Traditional/Simplified script).
///
/// Why: one guest with two files splits the visits, the spend and the class review between them,
/// and staff see half the history. The finding is reported at the later profile (in register
/// order), at its phone cell for a shared phone and at its name cell for a shared name and company,
/// and names the earlier profiles. Two profiles with the same guest id are RG03's finding, not
/// this one; a name without a company is not compared.
pub struct Gh06;

impl Rule for Gh06 {
    fn id(&self) -> &'static str {
        "GH06"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn clause(&self) -> &'static str {
        "Part 2 三, 四.1"
    }
    fn registers(&self) -> &'static [Kind] {
        &[Kind::Guests]
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let kind = Kind::Guests;
        let Some(register) = ctx.registers.by_kind.get(&kind) else {
            return;
        };
        let records = &register.records;
        let mut by_phone: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        let mut by_name: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
        // The guest book's records are this register's.
        let keys = ctx.guest_book().keys();
        let ids: Vec<Option<Cow<str>>> = records.iter().map(|r| r.text(kind, "guest_id").map(id_key)).collect();
        let same_id = |a: usize, b: usize| ids[a].is_some() && ids[a] == ids[b];
        // A profile shared by many is named in many messages: describe each once.
        let described: std::cell::RefCell<Vec<Option<String>>> = std::cell::RefCell::new(vec![None; records.len()]);
        let describe_once = |e: usize| {
            described.borrow_mut()[e]
                .get_or_insert_with(|| describe(ctx, &records[e]))
                .clone()
        };
        for (i, record) in records.iter().enumerate() {
            let phone = match record.get(kind, "phone") {
                Some(Value::Phone(phone)) if !phone.digits.is_empty() => Some(phone.digits.as_str()),
                _ => None,
            };
            let name_company = keys
                .get(i)
                .filter(|(n, c)| !n.is_empty() && !c.is_empty())
                .map(|(n, c)| (n.as_str(), c.as_str()));
            let phone_twins: Vec<usize> = phone
                .and_then(|p| by_phone.get(p))
                .map(|v| v.iter().copied().filter(|&e| !same_id(e, i)).collect())
                .unwrap_or_default();
            let name_twins: Vec<usize> = name_company
                .as_ref()
                .and_then(|k| by_name.get(k))
                .map(|v| v.iter().copied().filter(|&e| !same_id(e, i)).collect())
                .unwrap_or_default();
            if let Some(p) = phone {
                by_phone.entry(p).or_default().push(i);
            }
            if let Some(k) = name_company {
                by_name.entry(k).or_default().push(i);
            }
            let name_only: Vec<usize> = name_twins.into_iter().filter(|e| !phone_twins.contains(e)).collect();
            for (field, key, twins) in [
                ("phone", "msg.GH06.phone", phone_twins),
                ("name", "msg.GH06.name", name_only),
            ] {
                if twins.is_empty() {
                    continue;
                }
                let others = list_some(&ctx.text, &twins, |&e| describe_once(e));
                let message = ctx.text.fmt(key, &[("others", &others)]);
                out.push(self.finding(ctx, kind, record, field, message));
            }
        }
    }
}

/// `G-001 王偉 (guests.xlsx › 客史 › row 5)`
fn describe(ctx: &Context, record: &Record) -> String {
    let kind = Kind::Guests;
    let source = &ctx.registers.sources[record.source];
    let id = record.text(kind, "guest_id").unwrap_or_default();
    let name = record.text(kind, "name").unwrap_or_default();
    let who = format!("{id} {name}");
    ctx.text.fmt(
        "msg.GH06.profile",
        &[
            ("who", who.trim()),
            ("file", &source.file),
            ("sheet", &source.sheet),
            ("row", &record.row.to_string()),
        ],
    )
}
