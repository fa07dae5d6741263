//! The formats of a copy's cells: a date's number format, the fill of its findings, the quote
//! prefix of text that reads like a formula.

use rust_xlsxwriter::{Color, Format, FormatPattern};

use crate::read::RawCell;
use crate::rules::finding::Severity;

/// The fill of a cell with findings: red, amber or blue by the most severe of them.
pub(super) fn fill(severity: Severity, base: &Format) -> Format {
    let color = match severity {
        Severity::Error => Color::RGB(0xFFC7CE),
        Severity::Warning => Color::RGB(0xFFEB9C),
        Severity::Info => Color::RGB(0xDDEBF7),
    };
    base.clone()
        .set_pattern(FormatPattern::Solid)
        .set_background_color(color)
}

/// A cell's format in a copy: a date's number format, the fill of its findings, the quote prefix
/// of text that reads like a formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Look {
    pub(super) base: Base,
    pub(super) fill: Option<Severity>,
    pub(super) quoted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Base {
    General,
    Date,
    DateTime,
}

impl Look {
    /// The look of a cell with no finding (the default format).
    pub(super) const PLAIN: Look = Look {
        base: Base::General,
        fill: None,
        quoted: false,
    };
    pub(super) const BASES: [Base; 3] = [Base::General, Base::Date, Base::DateTime];
    pub(super) const FILLS: [Option<Severity>; 4] = [
        None,
        Some(Severity::Info),
        Some(Severity::Warning),
        Some(Severity::Error),
    ];
    /// How many looks there are (one probe cell each).
    pub(super) const COUNT: usize = Look::BASES.len() * Look::FILLS.len() * 2;

    /// Every look, in the order of [`Look::index`].
    pub(super) fn all() -> impl Iterator<Item = Look> {
        Look::BASES.into_iter().flat_map(|base| {
            Look::FILLS
                .into_iter()
                .flat_map(move |fill| [false, true].map(|quoted| Look { base, fill, quoted }))
        })
    }

    pub(super) fn index(self) -> usize {
        let base = Look::BASES.iter().position(|b| *b == self.base).unwrap_or(0);
        let fill = Look::FILLS.iter().position(|f| *f == self.fill).unwrap_or(0);
        (base * Look::FILLS.len() + fill) * 2 + usize::from(self.quoted)
    }

    /// The look of a cell of the register, with the most severe of its findings if any.
    pub(super) fn of(cell: &RawCell, fill: Option<Severity>) -> Look {
        let base = match cell {
            RawCell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => Base::Date,
            RawCell::DateTime(_) => Base::DateTime,
            _ => Base::General,
        };
        let quoted = matches!(cell, RawCell::Text(t) if crate::render::xlsx::cell::looks_like_formula(t));
        Look { base, fill, quoted }
    }

    pub(super) fn format(self) -> Format {
        let base = match self.base {
            Base::General => Format::new(),
            Base::Date => Format::new().set_num_format("yyyy-mm-dd"),
            Base::DateTime => Format::new().set_num_format("yyyy-mm-dd hh:mm"),
        };
        let format = match self.fill {
            Some(severity) => fill(severity, &base),
            None => base,
        };
        match self.quoted {
            true => format.set_quote_prefix(),
            false => format,
        }
    }
}
