//! The words of a finding's message that the catalogue cannot say alone: a column's name, an
//! option of a column, a period. The command layer hands [`words`] to the catalogue
//! ([`crate::base::i18n::Texts::with_words`]), so a message said in any layer names them in its
//! language.

use crate::base::i18n::Catalogue;
use crate::base::message::Word;
use crate::registers::texts::{field_label, option_label};

/// `word` in the catalogue's language.
pub fn words(text: &Catalogue, word: &Word) -> String {
    match word {
        Word::Field(name) => field_label(text, name),
        Word::Option(kind, field, code) => option_label(text, kind, field, code),
        Word::Period(period) => super::period_words(period, text),
    }
}
