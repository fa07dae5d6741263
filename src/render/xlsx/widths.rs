//! Column widths that follow the text's display width (CJK characters count double), within
//! bounds.

use rust_xlsxwriter::{Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// The widths of a sheet's columns, grown to the texts put in them.
pub(crate) struct Widths(pub(crate) Vec<f64>);

impl Widths {
    pub(crate) fn new() -> Self {
        Widths(Vec::new())
    }

    pub(crate) fn fit(&mut self, col: u16, text: &str) {
        let i = col as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, 8.0);
        }
        // Most cells of a long column cannot widen it any more, and are not measured.
        if width_bound(text) as f64 + 2.0 <= self.0[i] || self.0[i] >= 70.0 {
            return;
        }
        let width = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) as f64 + 2.0;
        self.0[i] = self.0[i].max(width.min(70.0));
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
