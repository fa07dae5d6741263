//! The catalogue of every fixed text in English, Traditional and Simplified Chinese.
//!
//! One table, one row per key, one column per language, so a missing translation is a missing
//! cell that a test finds. Placeholders are written `{name}`.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "zh-Hans")]
    ZhHans,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHant, Lang::ZhHans];

    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "english" => Some(Lang::En),
            "zh-hant" | "zh-tw" | "zh-hk" => Some(Lang::ZhHant),
            "zh-hans" | "zh-cn" | "zh" => Some(Lang::ZhHans),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::ZhHant => 1,
            Lang::ZhHans => 2,
        }
    }
}

/// One text of the catalogue: its key and its wording in English, Traditional and Simplified
/// Chinese. Placeholders are written `{name}`. A key `base@variant` is another wording of `base`
/// that a catalogue made [`Catalogue::in_variant`] says instead (`feedback.figures@period`:
/// "The period in figures", 本期匯總, where a month's report says "The month in figures", 本月匯總).
pub type Entry = (&'static str, [&'static str; 3]);

/// The catalogue: every table of texts, indexed by key. Each layer keeps its texts beside the
/// code that uses them (a `TEXTS` table); the command layer puts them together once and hands the
/// catalogue down, so no layer knows the texts of the layers above it.
pub struct Texts {
    tables: Vec<&'static [Entry]>,
    index: FxHashMap<&'static str, &'static [&'static str; 3]>,
    /// The `base@variant` entries, by variant and base key.
    variants: FxHashMap<(&'static str, &'static str), &'static [&'static str; 3]>,
    /// How a message's [`Word`] is said, by the layer that knows its words.
    words: Option<fn(&Catalogue, &Word) -> String>,
}

impl Texts {
    /// The catalogue of `tables`; a key given twice keeps its first wording (a test of the
    /// assembled catalogue makes sure none is).
    pub fn new(tables: &[&'static [Entry]]) -> Texts {
        let mut index = FxHashMap::default();
        let mut variants = FxHashMap::default();
        for (key, row) in tables.iter().flat_map(|t| t.iter()) {
            index.entry(*key).or_insert(row);
            if let Some((base, variant)) = key.split_once('@') {
                variants.entry((variant, base)).or_insert(row);
            }
        }
        Texts {
            tables: tables.to_vec(),
            index,
            variants,
            words: None,
        }
    }

    /// The same catalogue, saying a message's words (a column's name, an option, a period) with
    /// `words`: they belong to layers above this one, which hand the function in.
    pub fn with_words(self, words: fn(&Catalogue, &Word) -> String) -> Texts {
        Texts {
            words: Some(words),
            ..self
        }
    }

    /// Kept for the rest of the process: a command makes its catalogue once.
    pub fn leak(self) -> &'static Texts {
        Box::leak(Box::new(self))
    }

    /// Every entry, table by table.
    pub fn entries(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        self.tables.iter().flat_map(|t| t.iter())
    }

    fn lookup(&self, key: &str, variant: Option<&'static str>) -> Option<&'static [&'static str; 3]> {
        let varied = variant.and_then(|v| self.variants.get(&(v, key)));
        varied.or_else(|| self.index.get(key)).copied()
    }
}

/// The catalogue's texts in one language.
#[derive(Clone, Copy)]
pub struct Catalogue {
    pub lang: Lang,
    texts: &'static Texts,
    /// Which `key@variant` wordings to say instead of their `key`s, if any.
    variant: Option<&'static str>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Catalogue({:?})", self.lang)
    }
}

impl Catalogue {
    pub fn new(lang: Lang, texts: &'static Texts) -> Catalogue {
        Catalogue {
            lang,
            texts,
            variant: None,
        }
    }

    /// The same texts, saying each `key@variant` wording instead of its `key` where there is
    /// one: a quarter's or a year's report says `@period` ("in the period", 本期) where a
    /// month's says "in the month" (本月).
    pub fn in_variant(self, variant: &'static str) -> Catalogue {
        Catalogue {
            variant: Some(variant),
            ..self
        }
    }

    /// The same texts in another language.
    pub fn in_lang(self, lang: Lang) -> Catalogue {
        Catalogue { lang, ..self }
    }

    pub fn has(&self, key: &str) -> bool {
        self.texts
            .lookup(key, self.variant)
            .is_some_and(|row| !row[self.lang.index()].is_empty())
    }

    /// The text of `key`; the key itself when it is missing (a test makes sure none is).
    pub fn get(&self, key: &str) -> String {
        match self.texts.lookup(key, self.variant) {
            Some(row) => row[self.lang.index()].to_string(),
            None => key.to_string(),
        }
    }

    /// The text of `key` with `{name}` placeholders filled, in one pass over the text (a value
    /// is put in as it is: braces in it are not placeholders). `{name|s}` is the plural ending of
    /// the word before it: `s` unless `name` is 1 (English: `{days} day{days|s}`); `{name|is|are}`
    /// is the first word when `name` is 1, else the second. A placeholder without a value stays
    /// as written.
    pub fn fmt(&self, key: &str, args: &[(&str, &str)]) -> String {
        let template = match self.texts.lookup(key, self.variant) {
            Some(row) => row[self.lang.index()],
            None => key,
        };
        fill(template, args)
    }
}

impl Catalogue {
    /// A word of a message in this language (its plain form when the catalogue was given no
    /// function for words).
    pub fn word(&self, word: &Word) -> String {
        match self.texts.words {
            Some(say) => say(self, word),
            None => word.plain(),
        }
    }
}

/// A message's key, or a name in it: `'static` where the code gives it, owned where it was
/// read back (from the history).
pub type Key = std::borrow::Cow<'static, str>;

/// A word that only a layer above this one can say: the catalogue hands it to the function it
/// was given ([`Texts::with_words`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Word {
    /// A column's name (`commitment_date`).
    #[serde(rename = "f")]
    Field(Key),
    /// An option of a register's column (`guests`, `class`, `vip`).
    #[serde(rename = "o")]
    Option(Key, Key, String),
    /// A period (`2026-10`, `2026-Q4`) in words.
    #[serde(rename = "p")]
    Period(String),
}

impl Word {
    /// How a catalogue without a function for words says it: the name with spaces.
    pub fn plain(&self) -> String {
        match self {
            Word::Field(name) => name.replace('_', " "),
            Word::Option(_, _, code) => code.replace('_', " "),
            Word::Period(period) => period.clone(),
        }
    }
}

/// How many items a message or a report cell names before it says "and N more".
pub const LIST_MAX: usize = 5;

impl Catalogue {
    /// Items joined the way the language writes a list (`a, b` / `甲、乙`).
    pub fn list(&self, items: &[String]) -> String {
        items.join(&self.get("list.sep"))
    }

    /// Sentences one after the other: a space between them in English, none in Chinese (each
    /// ends with 。).
    pub fn sentences(&self, items: &[String]) -> String {
        items.join(&self.get("sentence.sep"))
    }

    /// Items joined with "and" before the last (`a, b and c` / `甲、乙和丙`).
    pub fn list_and(&self, items: &[String]) -> String {
        match items.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("{}{}{last}", self.list(rest), self.get("list.and"))
            }
            _ => self.list(items),
        }
    }

    /// Names of columns as a message lists them (`company and phone` / `「單位」和「電話」`).
    pub fn fields(&self, labels: &[String]) -> String {
        let quoted: Vec<String> = labels
            .iter()
            .map(|l| self.fmt("field.quote", &[("field", l)]))
            .collect();
        self.list_and(&quoted)
    }

    /// The first [`LIST_MAX`] of `items`, described by `describe`, then "and N more" when there
    /// are others — so a message stays readable however many rows share a phone or a name.
    pub fn list_some<T>(&self, items: &[T], describe: impl Fn(&T) -> String) -> String {
        let shown: Vec<String> = items.iter().take(LIST_MAX).map(describe).collect();
        let mut out = self.list(&shown);
        if items.len() > LIST_MAX {
            let more = (items.len() - LIST_MAX).to_string();
            out.push_str(&self.fmt("list.more", &[("n", &more)]));
        }
        out
    }
}

impl Catalogue {
    /// A duration in hours and minutes, in words: `25 hours`, `1 hour 30 minutes`, `25 小時`.
    pub fn duration(&self, hours: f64) -> String {
        let minutes = (hours * 60.0).round().max(0.0) as u64;
        let (h, m) = ((minutes / 60).to_string(), (minutes % 60).to_string());
        match (minutes / 60, minutes % 60) {
            (_, 0) => self.fmt("unit.hours", &[("n", &h)]),
            (0, _) => self.fmt("unit.minutes", &[("n", &m)]),
            _ => self.fmt("unit.hours_minutes", &[("h", &h), ("m", &m)]),
        }
    }
}

/// The texts of this module: how a list is written, and units of time and count.
#[rustfmt::skip]
pub static TEXTS: &[Entry] = &[
    ("list.sep", [", ", "、", "、"]),
    ("list.and", [" and ", "和", "和"]),
    ("sentence.sep", [" ", "", ""]),
    ("field.quote", ["{field}", "「{field}」", "「{field}」"]),
    ("list.more", [" and {n} more", "等（另有 {n} 項）", "等（另有 {n} 项）"]),
    ("unit.days", ["{n} day{n|s}", "{n} 天", "{n} 天"]),
    ("unit.hours", ["{n} hour{n|s}", "{n} 小時", "{n} 小时"]),
    ("unit.minutes", ["{n} minute{n|s}", "{n} 分鐘", "{n} 分钟"]),
    ("unit.hours_minutes", ["{h} hour{h|s} {m} minute{m|s}", "{h} 小時 {m} 分鐘", "{h} 小时 {m} 分钟"]),
    ("unit.months", ["{n} month{n|s}", "{n} 個月", "{n} 个月"]),
    ("unit.rows", ["{n} row{n|s}", "{n} 行", "{n} 行"]),
];

/// `template` with its placeholders filled (see [`Catalogue::fmt`]).
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    let value = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let mut parts = after[..close].split('|');
            let name = parts.next().unwrap_or_default();
            let filled = match (parts.next(), parts.next()) {
                // `{n|s}`: the plural ending; `{n|is|are}`: the singular or the plural word.
                (Some(ending), None) => match value(name)? {
                    "1" => "",
                    _ => ending,
                },
                (Some(one), Some(more)) => match value(name)? {
                    "1" => one,
                    _ => more,
                },
                _ => value(name)?,
            };
            Some((close, filled))
        });
        match filled {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    static TABLE: &[Entry] = &[
        (
            "msg.blank",
            ["{field} is blank; it is required", "「{field}」未填寫，此欄必填", "x"],
        ),
        ("days", ["{n} day{n|s}", "{n} 天", "{n} 天"]),
    ];

    fn catalogue(lang: Lang) -> Catalogue {
        Catalogue::new(lang, Texts::new(&[TABLE]).leak())
    }

    #[test]
    fn placeholders_are_filled_once_each_and_values_go_in_as_they_are() {
        let en = catalogue(Lang::En);
        assert_eq!(
            en.fmt("msg.blank", &[("field", "amount")]),
            "amount is blank; it is required"
        );
        let zh = en.in_lang(Lang::ZhHant);
        assert_eq!(zh.fmt("msg.blank", &[("field", "金額")]), "「金額」未填寫，此欄必填");
        // A value holding braces, even a placeholder's name, is put in as written.
        assert_eq!(
            en.fmt("msg.blank", &[("field", "{field} {x}")]),
            "{field} {x} is blank; it is required"
        );
        // A missing key is its own text; placeholders without a value and stray braces stay.
        assert_eq!(en.fmt("no {a} {b}} {", &[("a", "A"), ("c", "C")]), "no A {b}} {");
        assert_eq!(en.fmt("{a}{a}{", &[("a", "1")]), "11{");
        assert_eq!(en.fmt("{{a}}", &[("a", "1")]), "{1}");
    }

    #[test]
    fn a_plural_ending_follows_its_count() {
        let en = catalogue(Lang::En);
        assert_eq!(en.fmt("days", &[("n", "1")]), "1 day");
        assert_eq!(en.fmt("days", &[("n", "10")]), "10 days");
        // Chinese has no plural: the same text whatever the count.
        assert_eq!(en.in_lang(Lang::ZhHans).fmt("days", &[("n", "1")]), "1 天");
        // An ending whose count is not given stays as written.
        assert_eq!(en.fmt("days", &[]), "{n} day{n|s}");
    }

    #[test]
    fn a_word_follows_its_count() {
        static WORDS: &[Entry] = &[("blank", ["{fields} {n|is|are} blank", "{fields}未填寫", "x"])];
        let en = Catalogue::new(Lang::En, Texts::new(&[WORDS, super::TEXTS]).leak());
        let one = en.fields(&["phone".into()]);
        assert_eq!(en.fmt("blank", &[("fields", &one), ("n", "1")]), "phone is blank");
        let two = en.fields(&["company".into(), "phone".into(), "birthday".into()]);
        assert_eq!(
            en.fmt("blank", &[("fields", &two), ("n", "3")]),
            "company, phone and birthday are blank"
        );
        let zh = en.in_lang(Lang::ZhHant);
        let two = zh.fields(&["單位".into(), "電話".into()]);
        assert_eq!(
            zh.fmt("blank", &[("fields", &two), ("n", "2")]),
            "「單位」和「電話」未填寫"
        );
    }

    #[test]
    fn durations_in_words() {
        let texts = Texts::new(&[super::TEXTS]).leak();
        let en = Catalogue::new(Lang::En, texts);
        assert_eq!(en.duration(25.0), "25 hours");
        assert_eq!(en.duration(1.0), "1 hour");
        assert_eq!(en.duration(1.5), "1 hour 30 minutes");
        assert_eq!(en.duration(0.25), "15 minutes");
        assert_eq!(en.in_lang(Lang::ZhHant).duration(25.0), "25 小時");
        assert_eq!(en.in_lang(Lang::ZhHans).duration(24.0 + 1.0 / 60.0), "24 小时 1 分钟");
    }

    #[test]
    fn a_key_given_twice_keeps_its_first_wording() {
        static LATER: &[Entry] = &[("days", ["later", "later", "later"])];
        let texts = Texts::new(&[TABLE, LATER]).leak();
        assert_eq!(Catalogue::new(Lang::En, texts).get("days"), "{n} day{n|s}");
        assert_eq!(texts.entries().count(), 3);
    }
}
