//! The cursor the date and time grammar reads its text with (`date.rs`, `date/time.rs`).

use crate::read::cell::is_space;

/// A character cursor for the small hand-written date and time grammar.
pub(super) struct Cursor {
    chars: Vec<char>,
    position: usize,
}

impl Cursor {
    pub(super) fn new(text: &str) -> Cursor {
        Cursor {
            chars: text.chars().collect(),
            position: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.position).copied()
    }

    pub(super) fn at_end(&self) -> bool {
        self.position >= self.chars.len()
    }

    pub(super) fn skip_spaces(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.position += 1;
        }
    }

    /// The run of ASCII digits at the cursor (possibly empty).
    pub(super) fn digits(&mut self) -> String {
        let mut out = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            out.push(c);
            self.position += 1;
        }
        out
    }

    pub(super) fn eat(&mut self, expected: char) -> bool {
        self.eat_any(&[expected]).is_some()
    }

    pub(super) fn eat_any(&mut self, expected: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| expected.contains(c))?;
        self.position += 1;
        Some(c)
    }

    pub(super) fn eat_str(&mut self, expected: &str) -> bool {
        self.eat_matching(expected, |a, b| a == b)
    }

    pub(super) fn eat_str_ignore_case(&mut self, expected: &str) -> bool {
        self.eat_matching(expected, |a, b| a.eq_ignore_ascii_case(&b))
    }

    fn eat_matching(&mut self, expected: &str, same: impl Fn(char, char) -> bool) -> bool {
        let mut position = self.position;
        for wanted in expected.chars() {
            match self.chars.get(position) {
                Some(&c) if same(c, wanted) => position += 1,
                _ => return false,
            }
        }
        self.position = position;
        true
    }
}
