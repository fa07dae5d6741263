//! A message as data: a catalogue key and its named arguments, made text in a language only when
//! it is written ([`Catalogue::render`]). A finding keeps its message so, and the history stores
//! it so: a month run in English reads back in Chinese.

use std::borrow::Cow;

use compact_str::CompactString;

use serde::{Deserialize, Serialize};

use super::i18n::{Catalogue, LIST_MAX};

/// A catalogue key or an argument's name, and a word only an upper layer says (both in `i18n.rs`,
/// which says them).
pub use super::i18n::{Key, Word};

/// A catalogue key and its arguments, `{name}` → [`Arg`]. As JSON (the history's form):
/// `{"k":"msg.RG03","a":{"id":"HT-1","places":{"l":["l",["a.xlsx › s › A9"]]}}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    #[serde(rename = "k")]
    pub key: Key,
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty", with = "by_name")]
    pub args: Vec<(Key, Arg)>,
}

/// One argument of a message. As JSON, a value is a string and every other argument an object
/// of one key naming its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// The user's own value (an id, a date as written, an amount, a count), put in as it is;
    /// one of up to 24 bytes inside the argument, without an allocation of its own (a large
    /// month's findings hold several hundred thousand).
    Value(CompactString),
    /// The catalogue's text of a key (a method's name, "blank", "yes").
    Text(Key),
    /// A message said in the same language (shared: a rule that names one record in many
    /// findings — GH06's earlier profile — describes it once).
    Message(std::sync::Arc<Message>),
    /// Arguments joined as the language joins them.
    List(Box<(Join, Vec<Arg>)>),
    /// A word the layers above name (a column, an option, a month): see [`Word`].
    Word(Box<Word>),
    /// A duration in minutes, said in hours and minutes ([`Catalogue::duration`]).
    Minutes(u64),
}

/// A tagged argument as JSON.
#[derive(Deserialize)]
enum Tagged {
    #[serde(rename = "t")]
    Text(Key),
    #[serde(rename = "m")]
    Message(Box<Message>),
    #[serde(rename = "l")]
    List(Box<(Join, Vec<Arg>)>),
    #[serde(rename = "w")]
    Word(Box<Word>),
    #[serde(rename = "d")]
    Minutes(u64),
}

impl<'de> Deserialize<'de> for Arg {
    /// A string is a value; an object of one key, a tagged argument ([`Tagged`]). Read by hand,
    /// not as an untagged enum, which buffers each argument and tries each form in turn (reading
    /// a large month's findings back took the history most of a second).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Arg, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = Arg;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or an object of one key")
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Arg, E> {
                Ok(Arg::Value(value.into()))
            }
            fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Arg, E> {
                Ok(Arg::Value(value.into()))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, map: M) -> Result<Arg, M::Error> {
                let tagged = Tagged::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(match tagged {
                    Tagged::Text(key) => Arg::Text(key),
                    Tagged::Message(message) => Arg::Message(message.into()),
                    Tagged::List(list) => Arg::List(list),
                    Tagged::Word(word) => Arg::Word(word),
                    Tagged::Minutes(minutes) => Arg::Minutes(minutes),
                })
            }
        }
        deserializer.deserialize_any(Either)
    }
}

/// [`Tagged`] borrowed: an argument written as JSON without being copied first (the history
/// writes a large month's hundred thousand messages).
#[derive(Serialize)]
enum TaggedRef<'a> {
    #[serde(rename = "t")]
    Text(&'a Key),
    #[serde(rename = "m")]
    Message(&'a Message),
    #[serde(rename = "l")]
    List(&'a (Join, Vec<Arg>)),
    #[serde(rename = "w")]
    Word(&'a Word),
    #[serde(rename = "d")]
    Minutes(u64),
}

impl Serialize for Arg {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Value(value) => serializer.serialize_str(value),
            Arg::Text(key) => TaggedRef::Text(key).serialize(serializer),
            Arg::Message(message) => TaggedRef::Message(message).serialize(serializer),
            Arg::List(list) => TaggedRef::List(list).serialize(serializer),
            Arg::Word(word) => TaggedRef::Word(word).serialize(serializer),
            Arg::Minutes(minutes) => TaggedRef::Minutes(*minutes).serialize(serializer),
        }
    }
}

/// A message's arguments as a JSON object, by name, in their order.
mod by_name {
    use std::borrow::Cow;

    use serde::de::{MapAccess, Visitor};
    use serde::{Deserializer, Serializer};

    use super::{Arg, Key};

    pub fn serialize<S: Serializer>(args: &[(Key, Arg)], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(args.iter().map(|(name, arg)| (name, arg)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<(Key, Arg)>, D::Error> {
        struct Args;
        impl<'de> Visitor<'de> for Args {
            type Value = Vec<(Key, Arg)>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a message's arguments by name")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut args = Vec::new();
                while let Some((name, arg)) = map.next_entry::<String, Arg>()? {
                    args.push((Cow::Owned(name), arg));
                }
                Ok(args)
            }
        }
        deserializer.deserialize_map(Args)
    }
}

/// How a list of arguments is joined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Join {
    /// `a, b` / `甲、乙`.
    #[serde(rename = "l")]
    List,
    /// `a, b and c` / `甲、乙和丙`.
    #[serde(rename = "a")]
    And,
    /// Columns' names: each quoted, then joined with "and" (`「單位」和「電話」`).
    #[serde(rename = "f")]
    Fields,
    /// Sentences one after the other.
    #[serde(rename = "s")]
    Sentences,
    /// Joined by the catalogue's text of a key.
    #[serde(rename = "k")]
    Key(Key),
    /// The first [`LIST_MAX`] items, then "and N more" for the `N` left out.
    #[serde(rename = "m")]
    More(usize),
}

/// The key of a message that is text already (a finding stored before messages were data).
const TEXT: &str = "{text}";

impl Message {
    pub fn new(key: impl Into<Key>) -> Message {
        Message {
            key: key.into(),
            args: Vec::new(),
        }
    }

    /// Text already said, shown as it is in every language.
    pub fn text(text: impl Into<String>) -> Message {
        Message::new(TEXT).with("text", text.into())
    }

    /// Messages said one after the other, as sentences.
    pub fn sentences(messages: impl IntoIterator<Item = Message>) -> Message {
        Message::new(TEXT).with("text", Arg::list(Join::Sentences, messages.into_iter().map(Arg::from)))
    }

    /// The text of a message made by [`Message::text`].
    pub fn as_text(&self) -> Option<&str> {
        match (self.key.as_ref(), self.args.as_slice()) {
            (TEXT, [(_, Arg::Value(text))]) => Some(text.as_str()),
            _ => None,
        }
    }

    /// The message of `key` with its arguments.
    pub fn of<const N: usize>(key: impl Into<Key>, args: [(&'static str, Arg); N]) -> Message {
        Message {
            key: key.into(),
            args: args.into_iter().map(|(n, a)| (Cow::Borrowed(n), a)).collect(),
        }
    }

    /// The text of a message said already, for the tests (a message as data is no text yet).
    #[cfg(test)]
    pub fn as_str(&self) -> &str {
        self.as_text().expect("a message said already")
    }

    /// The message with `{name}` → `arg`. The arguments take the room they need and no more: a
    /// vector's first push would make room for four, and a large month keeps a hundred thousand
    /// messages of one or two arguments (30 MB at 1M rows: BENCHMARKS.md).
    pub fn with(mut self, name: &'static str, arg: impl Into<Arg>) -> Message {
        self.args.reserve_exact(1);
        self.args.push((Cow::Borrowed(name), arg.into()));
        self
    }

    /// The message as JSON, as the history keeps it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(json: &str) -> Option<Message> {
        serde_json::from_str(json).ok()
    }
}

impl From<&str> for Message {
    /// Text already said ([`Message::text`]).
    fn from(text: &str) -> Message {
        Message::text(text)
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Value(value.into())
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg::Value(value.as_str().into())
    }
}

impl From<&Arg> for Arg {
    fn from(arg: &Arg) -> Arg {
        arg.clone()
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Value(value.into())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(std::sync::Arc::new(message))
    }
}

impl From<Word> for Arg {
    fn from(word: Word) -> Arg {
        Arg::Word(Box::new(word))
    }
}

impl Arg {
    /// A count, for `{n}` and its plural `{n|s}`.
    pub fn count(n: usize) -> Arg {
        Arg::Value(compact_str::ToCompactString::to_compact_string(&n))
    }

    /// The catalogue's text of `key`.
    pub fn text(key: impl Into<Key>) -> Arg {
        Arg::Text(key.into())
    }

    /// A column's name.
    pub fn field(name: impl Into<Key>) -> Arg {
        Word::Field(name.into()).into()
    }

    /// A period in words.
    pub fn period(period: impl Into<String>) -> Arg {
        Word::Period(period.into()).into()
    }

    /// Columns' names as a message lists them (`company and phone`, `「單位」和「電話」`).
    pub fn fields<K: Into<Key>>(names: impl IntoIterator<Item = K>) -> Arg {
        Arg::list(Join::Fields, names.into_iter().map(Arg::field))
    }

    /// Items joined by `join`.
    pub fn list(join: Join, items: impl IntoIterator<Item = Arg>) -> Arg {
        Arg::List(Box::new((join, items.into_iter().collect())))
    }

    /// The first [`LIST_MAX`] of `items`, then "and N more" when there are others.
    pub fn some<T>(items: &[T], describe: impl Fn(&T) -> Arg) -> Arg {
        let shown = items.iter().take(LIST_MAX).map(describe);
        Arg::list(Join::More(items.len().saturating_sub(LIST_MAX)), shown)
    }

    /// A duration of `hours`, to the minute.
    pub fn hours(hours: f64) -> Arg {
        Arg::Minutes((hours * 60.0).round().max(0.0) as u64)
    }
}

impl Catalogue {
    /// The message in this catalogue's language, as a sentence (its first letter a capital).
    pub fn render(&self, message: &Message) -> String {
        sentence(self.say(message))
    }

    /// The message's text as it goes into another (no capital put on).
    pub fn say(&self, message: &Message) -> String {
        let values: Vec<(&str, Cow<str>)> = message
            .args
            .iter()
            .map(|(name, arg)| (name.as_ref(), self.say_arg(arg)))
            .collect();
        let args: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_ref())).collect();
        self.fmt(&message.key, &args)
    }

    fn say_arg<'a>(&self, arg: &'a Arg) -> Cow<'a, str> {
        match arg {
            Arg::Value(value) => Cow::Borrowed(value.as_str()),
            Arg::Text(key) => Cow::Owned(self.get(key)),
            Arg::Message(message) => Cow::Owned(self.say(message)),
            Arg::List(list) => Cow::Owned(self.join(&list.0, &list.1)),
            Arg::Word(word) => Cow::Owned(self.word(word)),
            Arg::Minutes(minutes) => Cow::Owned(self.duration(*minutes as f64 / 60.0)),
        }
    }

    fn join(&self, join: &Join, items: &[Arg]) -> String {
        let said = || items.iter().map(|a| self.say_arg(a).into_owned()).collect::<Vec<_>>();
        match join {
            Join::List => self.list(&said()),
            Join::And => self.list_and(&said()),
            Join::Sentences => self.sentences(&said()),
            Join::Key(key) => said().join(&self.get(key)),
            Join::Fields => {
                let labels: Vec<String> = said();
                self.fields(&labels)
            }
            Join::More(more) => {
                let mut out = self.list(&said());
                if *more > 0 {
                    out.push_str(&self.fmt("list.more", &[("n", &more.to_string())]));
                }
                out
            }
        }
    }
}

/// A message as a sentence: its first letter a capital (a message may open with a column's or
/// a case's name, which the catalogue writes in lower case). Chinese has no capitals.
pub fn sentence(mut message: String) -> String {
    if let Some(first) = message.chars().next().filter(char::is_ascii_lowercase) {
        message.replace_range(..1, &first.to_ascii_uppercase().to_string());
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::i18n::{Entry, Lang, Texts};

    #[rustfmt::skip]
    static TABLE: &[Entry] = &[
        ("msg.late", ["{field} of {id} is {delay} late; {others} too.", "「{field}」{id} 遲了 {delay}；{others}。", "x"]),
        ("msg.blank", ["{fields} {n|is|are} blank.", "{fields}未填寫。", "x"]),
        ("inner", ["in {month}", "於{month}", "x"]),
        ("outer", ["changed {when}: {what}", "{when}更改：{what}", "x"]),
        ("yes", ["yes", "是", "是"]),
    ];

    fn words(_: &Catalogue, word: &Word) -> String {
        match word {
            Word::Field(name) => format!("<{name}>"),
            other => other.plain(),
        }
    }

    fn catalogue(lang: Lang) -> Catalogue {
        Catalogue::new(
            lang,
            Texts::new(&[TABLE, crate::base::i18n::TEXTS]).with_words(words).leak(),
        )
    }

    #[test]
    fn an_argument_is_small() {
        // A large month holds a message for each of its findings until they are written.
        assert!(std::mem::size_of::<Arg>() <= 32, "{}", std::mem::size_of::<Arg>());
    }

    #[test]
    fn a_message_is_said_in_the_language_it_is_written_in() {
        let message = Message::new("msg.late")
            .with("field", Arg::field("review_date"))
            .with("id", "ht-{1}")
            .with("delay", Arg::hours(25.5))
            .with("others", Arg::some(&[1, 2, 3, 4, 5, 6, 7], |n| Arg::count(*n)));
        assert_eq!(
            catalogue(Lang::En).render(&message),
            "<review_date> of ht-{1} is 25 hours 30 minutes late; 1, 2, 3, 4, 5 and 2 more too."
        );
        assert_eq!(
            catalogue(Lang::ZhHant).render(&message),
            "「<review_date>」ht-{1} 遲了 25 小時 30 分鐘；1、2、3、4、5等（另有 2 項）。"
        );
        // Read back from its JSON, it says the same.
        let back = Message::from_json(&message.to_json()).unwrap();
        assert_eq!(back, message);
        let json = Message::new("msg.late")
            .with("id", "HT-1")
            .with("field", Arg::field("review_date"))
            .to_json();
        assert_eq!(
            json,
            r#"{"k":"msg.late","a":{"id":"HT-1","field":{"w":{"f":"review_date"}}}}"#
        );
    }

    #[test]
    fn lists_nested_messages_and_texts() {
        let blank = Message::new("msg.blank")
            .with("fields", Arg::fields(["company", "phone", "birthday"]))
            .with("n", Arg::count(3));
        assert_eq!(
            catalogue(Lang::En).render(&blank),
            "<company>, <phone> and <birthday> are blank."
        );
        assert_eq!(
            catalogue(Lang::ZhHant).render(&blank),
            "「<company>」、「<phone>」和「<birthday>」未填寫。"
        );
        let outer = Message::new("outer")
            .with("when", Message::new("inner").with("month", Arg::period("2026-10")))
            .with("what", Arg::list(Join::And, [Arg::text("yes"), Arg::from("b")]));
        // Only the whole message opens with a capital.
        assert_eq!(catalogue(Lang::En).render(&outer), "Changed in 2026-10: yes and b");
        assert_eq!(catalogue(Lang::ZhHant).render(&outer), "於2026-10更改：是和b");
        // Every kind of argument comes back from the history's JSON as it went in.
        let every = (outer.with("word", Word::Option("guests".into(), "class".into(), "vip".into())))
            .with("late", Arg::Minutes(90))
            .with("list", Arg::list(Join::More(2), [Arg::from("x"), Arg::text("yes")]));
        assert_eq!(Message::from_json(&every.to_json()), Some(every));
        // An argument of no known form is no message.
        assert_eq!(Message::from_json(r#"{"k":"x","a":{"v":{"zz":"y"}}}"#), None);
        assert_eq!(Message::from_json(r#"{"k":"x","a":{"v":["y"]}}"#), None);
    }

    #[test]
    fn text_already_said_stays_as_it_is() {
        let text = Message::text("Review date {x} is blank.");
        assert_eq!(text.as_text(), Some("Review date {x} is blank."));
        for lang in Lang::ALL {
            assert_eq!(catalogue(lang).render(&text), "Review date {x} is blank.");
        }
        assert_eq!(Message::new("yes").as_text(), None);
    }
}
