//! A department's part of the report (SPEC 3, `--email`): the model its workbook is laid out from
//! — its findings only, the Summary counted again from them, the sheets of the registers it keeps
//! and no other's, phone numbers and birthdays masked as the HTML masks them (unless
//! `report.mask_personal_data` is off). Who receives what is the caller's to say ([`Share`]: the
//! routing of `[departments]`, which lives with the HTML summaries); this file only cuts the model.

use super::{guests, summary, Families, Report};
use crate::base::message::Message;
use crate::registers::Kind;
use crate::rules::finding::Finding;

/// What one department receives, as the routing decides it.
pub struct Share<'a> {
    /// The department in words (`Sales`, `銷售部`), for the workbook's title.
    pub label: String,
    /// The findings routed to it.
    pub finding: &'a dyn Fn(&Finding) -> bool,
    /// The registers it keeps: their sheets, inputs and rule families' parts are in its workbook.
    pub register: &'a dyn Fn(Kind) -> bool,
    /// The rules of its part: their lines in the Summary's table of rules.
    pub rule: &'a dyn Fn(&str) -> bool,
}

impl Report {
    /// Whether phone numbers and birthdays are shown masked (`report.mask_personal_data`, on
    /// unless the settings turn it off).
    pub fn masks_personal_data(&self) -> bool {
        self.settings_json["report"]["mask_personal_data"]
            .as_bool()
            .unwrap_or(true)
    }

    /// The department's part of this report: see the module's documentation.
    pub fn part(&self, share: &Share) -> Report {
        let text = self.text();
        let mask = self.masks_personal_data();
        let findings: Vec<Finding> = (self.findings.iter())
            .filter(|f| (share.finding)(f))
            .map(|f| match mask && super::masks(&f.field) {
                true => Finding {
                    message: Message::text(super::mask_personal(&f.field, &text.render(&f.message))),
                    ..f.clone()
                },
                false => f.clone(),
            })
            .collect();
        let with_findings = |kind: Kind| findings.iter().any(|f| f.register == kind);
        let shown = |kind: Kind| (share.register)(kind) || with_findings(kind);
        let inputs: Vec<_> = (self.inputs.iter()).filter(|i| shown(i.register)).cloned().collect();
        let registers = summary::register_rows(&inputs, &findings, &text)
            .into_iter()
            .filter(|r| shown(r.kind))
            .collect();
        let rules = (self.rules.iter())
            .filter(|r| (share.rule)(r.id))
            .map(|r| super::RuleRow {
                count: findings.iter().filter(|f| f.rule == r.id).count(),
                ..r.clone()
            })
            .collect();
        let families = Families {
            contracts: self.families.contracts && (share.register)(Kind::Contracts),
            feedback: self.families.feedback && (share.register)(Kind::Feedback),
            guests: self.families.guests && (share.register)(Kind::Guests),
        };
        let mut guests = match families.guests {
            true => self.guests.clone(),
            false => guests::Section::default(),
        };
        if mask {
            guests.mask_personal_data();
        }
        Report {
            company: self.company.clone(),
            period: self.period.clone(),
            span: self.span,
            title: self.title.clone(),
            as_of: self.as_of,
            lang: self.lang,
            catalogue: self.catalogue,
            currency: self.currency.clone(),
            counts: summary::counts(&findings, &inputs),
            inputs,
            // The files not read are the manager's to hear about, as in the HTML.
            skipped: Vec::new(),
            findings,
            registers,
            rules,
            settings: self.settings.clone(),
            settings_json: self.settings_json.clone(),
            settings_source: self.settings_source.clone(),
            inbox: self.inbox.clone(),
            out_dir: self.out_dir.clone(),
            contracts: match families.contracts {
                true => self.contracts.clone(),
                false => Default::default(),
            },
            feedback: match families.feedback {
                true => self.feedback.clone(),
                false => Default::default(),
            },
            guests,
            // Earlier months' counts are the whole company's: a department's part has no trend.
            trend: Vec::new(),
            empty_period: self.empty_period.clone(),
            // Since last month is the whole company's (its fixed findings are every
            // department's): the manager's workbook and page say it, a department's part does not.
            lifecycle: None,
            departments: self.departments.clone(),
            families,
            department: Some(share.label.clone()),
        }
    }
}

impl guests::Section {
    /// Masks the key-attention list's phone numbers as the HTML does, and drops the recorded
    /// birthdays and anniversaries (the list shows only the day they fall on next month).
    fn mask_personal_data(&mut self) {
        self.attention = self.attention.map(|row| {
            row.mask_phone();
            row.birthday_recorded = None;
            row.anniversary_recorded = None;
        });
    }
}
