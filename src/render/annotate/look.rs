//! The formats of a copy from values: a date's number format, the header's bold and borders, the
//! fill of its findings, the quote prefix of text that reads like a formula.

use rust_xlsxwriter::{Color, Format, FormatBorder, FormatPattern};

use crate::read::RawCell;
use crate::rules::finding::Severity;

/// The colour of a cell with findings: red, amber or blue by the most severe of them.
pub(super) fn rgb(severity: Severity) -> u32 {
    match severity {
        Severity::Error => 0xFFC7CE,
        Severity::Warning => 0xFFEB9C,
        Severity::Info => 0xDDEBF7,
    }
}

/// The fill of a cell with findings ([`rgb`]).
pub(super) fn fill(severity: Severity, base: &Format) -> Format {
    base.clone()
        .set_pattern(FormatPattern::Solid)
        .set_background_color(Color::RGB(rgb(severity)))
}

/// The header row's look: bold and bordered, as a register's header usually is.
pub(super) fn header(base: &Format) -> Format {
    base.clone().set_bold().set_border(FormatBorder::Thin)
}

/// A cell's format in a copy: a date's number format, the header's bold and borders, the fill of
/// its findings, the quote prefix of text that reads like a formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Look {
    pub(super) base: Base,
    pub(super) fill: Option<Severity>,
    pub(super) quoted: bool,
    /// A cell of the register's header row.
    pub(super) header: bool,
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
        header: false,
    };
    /// The look of a header cell with no finding.
    pub(super) const HEADER: Look = Look {
        header: true,
        ..Look::PLAIN
    };
    pub(super) const BASES: [Base; 3] = [Base::General, Base::Date, Base::DateTime];
    pub(super) const FILLS: [Option<Severity>; 4] = [
        None,
        Some(Severity::Info),
        Some(Severity::Warning),
        Some(Severity::Error),
    ];
    /// How many looks there are (one probe cell each).
    pub(super) const COUNT: usize = Look::BASES.len() * Look::FILLS.len() * 4;

    /// Every look, in the order of [`Look::index`].
    pub(super) fn all() -> impl Iterator<Item = Look> {
        Look::BASES.into_iter().flat_map(|base| {
            Look::FILLS.into_iter().flat_map(move |fill| {
                [(false, false), (true, false), (false, true), (true, true)].map(|(quoted, header)| Look {
                    base,
                    fill,
                    quoted,
                    header,
                })
            })
        })
    }

    pub(super) fn index(self) -> usize {
        let base = Look::BASES.iter().position(|b| *b == self.base).unwrap_or(0);
        let fill = Look::FILLS.iter().position(|f| *f == self.fill).unwrap_or(0);
        (base * Look::FILLS.len() + fill) * 4 + usize::from(self.quoted) + 2 * usize::from(self.header)
    }

    /// The look of a cell of the register, with the most severe of its findings if any.
    pub(super) fn of(cell: &RawCell, fill: Option<Severity>, header: bool) -> Look {
        let base = match cell {
            RawCell::DateTime(dt) if dt.time() == chrono::NaiveTime::MIN => Base::Date,
            RawCell::DateTime(_) => Base::DateTime,
            _ => Base::General,
        };
        let quoted = matches!(cell, RawCell::Text(t) if crate::render::xlsx::cell::looks_like_formula(t));
        Look {
            base,
            fill,
            quoted,
            header,
        }
    }

    pub(super) fn format(self) -> Format {
        let base = match self.base {
            Base::General => Format::new(),
            Base::Date => Format::new().set_num_format("yyyy-mm-dd"),
            Base::DateTime => Format::new().set_num_format("yyyy-mm-dd hh:mm"),
        };
        let base = match self.header {
            true => header(&base),
            false => base,
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
