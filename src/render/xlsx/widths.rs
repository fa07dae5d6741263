//! Column widths that follow the text's display width (CJK characters count double), within
//! bounds: a column is as wide as its widest value plus its margins; a number keeps one level of
//! indent on its right ([`INDENT`]) so that it never touches the text of the next column, and a
//! heading with a filter button keeps room for the button ([`BUTTON`]).

use rust_xlsxwriter::{Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// The room a column keeps besides its widest value (Excel's own cell margins, and a little air).
pub(crate) const MARGIN: f64 = 2.0;

/// One level of indent (three spaces) in character widths: the room a number keeps on its right.
pub(crate) const INDENT: f64 = 1.5;

/// The room a heading keeps for its filter button (about 17 pixels).
pub(crate) const BUTTON: f64 = 2.5;

/// The widest a column grows to its text; longer text wraps.
pub(crate) const MAX: f64 = 70.0;

/// The widths of a sheet's columns, grown to the texts put in them.
#[derive(Clone, Debug)]
pub(crate) struct Widths(pub(crate) Vec<f64>);

impl Widths {
    pub(crate) fn new() -> Self {
        Widths(Vec::new())
    }

    /// Fits column `col` to left-aligned `text` (at most [`MAX`] wide: longer text wraps).
    pub(crate) fn fit(&mut self, col: u16, text: &str) {
        self.fit_within(col, text, MAX);
    }

    /// Fits column `col` to left-aligned `text`, at most `max` wide (longer text wraps).
    pub(crate) fn fit_within(&mut self, col: u16, text: &str, max: f64) {
        let i = col as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, 8.0);
        }
        // Most cells of a long column cannot widen it any more, and are not measured.
        if width_bound(text) as f64 + MARGIN <= self.0[i] || self.0[i] >= max {
            return;
        }
        let width = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) as f64 + MARGIN;
        self.0[i] = self.0[i].max(width.min(max));
    }

    /// Fits column `col` to a number `width` characters wide, right-aligned with its indent.
    pub(crate) fn fit_number(&mut self, col: u16, width: usize) {
        self.at_least(col, width as f64 + MARGIN + INDENT);
    }

    /// Makes column `col` at least `width` wide.
    pub(crate) fn at_least(&mut self, col: u16, width: f64) {
        let i = col as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, 8.0);
        }
        self.0[i] = self.0[i].max(width);
    }

    /// Keeps column `col` within `min..=max`.
    pub(crate) fn clamp(&mut self, col: u16, min: f64, max: f64) {
        let i = col as usize;
        self.0.resize(self.0.len().max(i + 1), 8.0);
        self.0[i] = self.0[i].clamp(min, max);
    }

    pub(crate) fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (i, w) in self.0.iter().enumerate() {
            sheet.set_column_width(i as u16, *w)?;
        }
        Ok(())
    }
}

/// A bound on how wide `text` shows, without measuring it: a character one byte long (ASCII) is
/// at most one column wide, two bytes long at most one, three or four bytes long at most two —
/// so at most two columns for every three bytes outside ASCII (Chinese text: exactly that).
fn width_bound(text: &str) -> usize {
    let ascii = text.bytes().filter(u8::is_ascii).count();
    (2 * text.len() + ascii) / 3
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// No text shows wider than the bound the column widths skip measuring by — emoji,
        /// variation selectors, combining marks, control characters and all.
        #[test]
        fn no_text_is_wider_than_its_bound(
            text in "(\\PC|\\pC|[\u{fe0f}\u{200d}\u{1f1e6}-\u{1f1ff}\u{1f600}-\u{1f64f}☺✔]|文字|ｘ){0,24}"
        ) {
            let widest = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
            proptest::prop_assert!(widest <= width_bound(&text), "{:?}: {} > {}", text, widest, width_bound(&text));
        }
    }

    #[test]
    fn chinese_text_is_bounded_by_its_width() {
        assert_eq!(width_bound("華東機械廠"), 10);
        assert_eq!(width_bound("HT-0001"), 7);
        assert_eq!(width_bound("G-001 王偉"), 10);
    }

    #[test]
    fn a_column_grows_to_its_widest_text_and_no_further_than_70() {
        let mut widths = Widths::new();
        widths.fit(1, "華東機械廠");
        widths.fit(1, "short");
        assert_eq!(widths.0, [8.0, 12.0]);
        widths.fit(0, &"x".repeat(200));
        assert_eq!(widths.0[0], 70.0);
        widths.clamp(3, 14.0, 60.0);
        assert_eq!(widths.0, [70.0, 12.0, 8.0, 14.0]);
    }
}
