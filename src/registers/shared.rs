//! Texts a sheet repeats, kept once for all its records (issue 26's compact record store): a
//! register names the same customers, staff, departments and standard replies row after row —
//! in the million-row benchmark, 52 MB of the records' texts were 8 MB of texts said again.
//!
//! While a sheet is typed, its [`Packer`](super::Packer) asks [`Sharing`] for each text: a text
//! of a column that repeats itself is packed as its number among the sheet's [`SharedTexts`], and
//! found there when read. A column whose texts are mostly new — ids, numbers, free text — stops
//! being asked after a short trial, and its texts stay in the records.

use rustc_hash::FxHashMap;

/// The texts a sheet's records share, each by its number. Grown while the sheet is typed, then
/// read only, in the sheet's store ([`super::store`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SharedTexts {
    /// The texts one after another.
    text: String,
    /// Where text n ends in `text`.
    ends: Vec<u32>,
}

impl SharedTexts {
    /// Text number `n`.
    pub fn get(&self, n: usize) -> Option<&str> {
        let end = *self.ends.get(n)? as usize;
        let start = match n {
            0 => 0,
            _ => self.ends[n - 1] as usize,
        };
        self.text.get(start..end)
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

/// Texts a column adds to the shared ones before it is judged: after them, a column more than half
/// of whose texts were new (less this many) keeps its texts in its records.
const TRIAL: u32 = 256;

/// Which texts of a sheet are shared, decided as they come ([`Sharing::number`]).
#[derive(Debug)]
pub struct Sharing {
    texts: SharedTexts,
    /// Each shared text's number.
    numbers: FxHashMap<Box<str>, u32>,
    /// Per column: texts asked for, and texts it added.
    asked: [u32; 64],
    added: [u32; 64],
    /// Bit i: column i's texts are mostly new, and are no longer shared.
    unlike: u64,
}

impl Default for Sharing {
    fn default() -> Sharing {
        Sharing {
            texts: SharedTexts::default(),
            numbers: FxHashMap::default(),
            asked: [0; 64],
            added: [0; 64],
            unlike: 0,
        }
    }
}

impl Sharing {
    /// The number of `text` of column `i` among the shared texts, added if new; none when the
    /// column's texts are not shared (the text is then kept in its record), or the shared texts
    /// are full.
    pub fn number(&mut self, i: usize, text: &str) -> Option<u32> {
        if i >= 64 || self.unlike & (1 << i) != 0 {
            return None;
        }
        self.asked[i] += 1;
        if let Some(&n) = self.numbers.get(text) {
            return Some(n);
        }
        if self.added[i] >= TRIAL && 2 * self.added[i] > self.asked[i] + TRIAL {
            self.unlike |= 1 << i;
            return None;
        }
        let n = u32::try_from(self.texts.ends.len()).ok()?;
        let end = u32::try_from(self.texts.text.len() + text.len()).ok()?;
        self.texts.text.push_str(text);
        self.texts.ends.push(end);
        self.numbers.insert(text.into(), n);
        self.added[i] += 1;
        Some(n)
    }

    /// The texts shared so far, the sharing starting again empty (the next sheet's).
    pub fn take(&mut self) -> SharedTexts {
        let mut texts = std::mem::take(self).texts;
        texts.text.shrink_to_fit();
        texts.ends.shrink_to_fit();
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::{Sharing, TRIAL};

    /// A text said again gets the number it got first, and reads back by it.
    #[test]
    fn a_text_said_again_is_found_by_its_first_number() {
        let mut sharing = Sharing::default();
        let a = sharing.number(1, "華東機械廠").unwrap();
        let b = sharing.number(2, "王偉").unwrap();
        assert_eq!(sharing.number(1, "華東機械廠"), Some(a));
        // The same text in another column is the same shared text.
        assert_eq!(sharing.number(3, "王偉"), Some(b));
        let empty = sharing.number(4, "").unwrap();
        let texts = sharing.take();
        assert_eq!(
            (texts.get(a as usize), texts.get(b as usize)),
            (Some("華東機械廠"), Some("王偉"))
        );
        assert_eq!(texts.get(empty as usize), Some(""));
        assert_eq!(texts.get(3), None);
        assert!(sharing.take().is_empty());
    }

    /// A column whose texts are mostly new (an id) stops being shared after its trial; one that
    /// repeats a few texts is shared to the end; and the texts already shared stay found.
    #[test]
    fn a_column_of_new_texts_stops_being_shared_after_its_trial() {
        let mut sharing = Sharing::default();
        let (mut ids, mut names) = (0, 0);
        for row in 0..10 * TRIAL {
            ids += usize::from(sharing.number(0, &format!("HT-{row:07}")).is_some());
            names += usize::from(sharing.number(1, ["王偉", "李娜", "張敏"][row as usize % 3]).is_some());
        }
        // The ids: their trial, and the few more that show them more than half new.
        assert!((TRIAL as usize..TRIAL as usize + 4).contains(&ids), "{ids} ids shared");
        assert_eq!(names, 10 * TRIAL as usize);
        assert_eq!(sharing.number(0, "HT-0000001"), None);
        let n = sharing.number(1, "李娜").unwrap();
        assert_eq!(sharing.take().get(n as usize), Some("李娜"));
        // A column of ids repeated often enough is shared: every text asked twice.
        let mut twice = Sharing::default();
        for row in 0..10 * TRIAL {
            assert!(twice.number(5, &format!("G-{:07}", row / 2)).is_some());
        }
    }
}
