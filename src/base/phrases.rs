//! Phrase lists: the forbidden service phrases (服務忌語) of CP04 and the courtesy phrases
//! (文明用語) whose share the Complaints sheet shows (procedure Part 3).
//!
//! A phrase is found when its whole key is contained in the key of the text, both keys made by
//! [`crate::base::text::phrase_key`]: NFKC (full/half width), lower case, Simplified script, without
//! white space or punctuation. So `喂，幹什麼？` finds `喂,干什麼`, while an ordinary word that
//! merely shares a character with a phrase (`喂養`, `老太太`, `等一下`) finds nothing: a phrase
//! is never split into characters or words.
//!
//! The keys are made once per list (once per run), never per row.

use crate::base::text::phrase_key;

/// One phrase found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The phrase as the list spells it.
    pub listed: String,
    /// The phrase as the text writes it (its own script and punctuation); the listed phrase when
    /// the text's spelling cannot be told apart.
    pub written: String,
}

/// A list of phrases, keyed once.
#[derive(Clone, Debug, Default)]
pub struct PhraseList {
    /// (phrase as listed, its key), longest key first; no empty or repeated keys.
    phrases: Vec<(String, String)>,
}

impl PhraseList {
    pub fn new(list: &[String]) -> PhraseList {
        let mut phrases: Vec<(String, String)> = Vec::new();
        for phrase in list {
            let key = phrase_key(phrase);
            if !key.is_empty() && !phrases.iter().any(|(_, k)| *k == key) {
                phrases.push((phrase.trim().to_string(), key));
            }
        }
        // Longest first, so that of two overlapping phrases the longer one is reported.
        phrases.sort_by_key(|p| std::cmp::Reverse(p.1.chars().count()));
        PhraseList { phrases }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Whether the text contains at least one phrase of the list.
    pub fn any(&self, text: &str) -> bool {
        let key = phrase_key(text);
        self.phrases.iter().any(|(_, k)| key.contains(k.as_str()))
    }

    /// The phrases of the list found in the text, longest first. A phrase found only as part
    /// of a longer phrase found (`你問我,我問誰` inside `不知道,你問我,我問誰`) is not repeated.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let key = phrase_key(text);
        let mut hits: Vec<&(String, String)> = Vec::new();
        for phrase in &self.phrases {
            if key.contains(phrase.1.as_str()) && !hits.iter().any(|h| h.1.contains(phrase.1.as_str())) {
                hits.push(phrase);
            }
        }
        if hits.is_empty() {
            return Vec::new();
        }
        let spans = CharKeys::new(text);
        hits.into_iter()
            .map(|(listed, k)| Found {
                listed: listed.clone(),
                written: spans.written(k).unwrap_or_else(|| listed.clone()),
            })
            .collect()
    }
}

/// The key of a text built character by character, remembering which character of the text
/// each key character came from, to quote a phrase as the text writes it.
struct CharKeys<'a> {
    text: &'a str,
    key: Vec<char>,
    /// For each key character: the byte range of the text character it came from.
    origin: Vec<(usize, usize)>,
}

impl<'a> CharKeys<'a> {
    fn new(text: &'a str) -> CharKeys<'a> {
        let mut key = Vec::new();
        let mut origin = Vec::new();
        let mut buffer = [0u8; 4];
        for (start, c) in text.char_indices() {
            let end = start + c.len_utf8();
            for k in phrase_key(c.encode_utf8(&mut buffer)).chars() {
                key.push(k);
                origin.push((start, end));
            }
        }
        CharKeys { text, key, origin }
    }

    /// The text from the first to the last character that make up `phrase_key`.
    fn written(&self, phrase_key: &str) -> Option<String> {
        let needle: Vec<char> = phrase_key.chars().collect();
        if needle.is_empty() || needle.len() > self.key.len() {
            return None;
        }
        let at = self.key.windows(needle.len()).position(|w| w == needle.as_slice())?;
        let start = self.origin[at].0;
        let end = self.origin[at + needle.len() - 1].1;
        self.text.get(start..end).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{COURTESY_PHRASES, FORBIDDEN_PHRASES};

    fn list(items: &[&str]) -> PhraseList {
        PhraseList::new(&items.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    fn forbidden() -> PhraseList {
        list(FORBIDDEN_PHRASES)
    }

    #[test]
    fn finds_a_phrase_in_either_script_and_any_punctuation() {
        let f = forbidden();
        for text in [
            "喂,干什麼",
            "喂，幹什麼？",
            "喂，干什么？",
            "顧客來電時答「喂 干什么」",
            "喂……干什麼!!",
            "喂、幹 什 麼",
        ] {
            let found = f.find(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].listed, "喂，干什麼");
        }
    }

    #[test]
    fn quotes_the_phrase_as_the_text_writes_it() {
        let found = forbidden().find("答覆:喂，幹什麼？請稍等。");
        assert_eq!(found[0].written, "喂，幹什麼");
        let found = forbidden().find("他说你这人真啰嗦。");
        assert_eq!(found[0].written, "你这人真啰嗦");
        let found = forbidden().find("ＯＫ，煩　不　煩");
        assert_eq!(found[0].written, "煩　不　煩");
    }

    #[test]
    fn full_width_and_latin_case_are_ignored() {
        let l = list(&["Shut up"]);
        assert_eq!(l.find("ＳＨＵＴ　ＵＰ!")[0].written, "ＳＨＵＴ　ＵＰ");
        assert!(l.any("please, shut-up"));
    }

    #[test]
    fn a_phrase_inside_a_longer_one_is_reported_once() {
        let found = forbidden().find("不知道，你問我，我問誰。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].listed, "不知道，你問我，我問誰");
    }

    #[test]
    fn two_phrases_are_both_reported() {
        let found = forbidden().find("煩不煩!我就這態度。");
        let listed: Vec<&str> = found.iter().map(|f| f.listed.as_str()).collect();
        assert_eq!(listed.len(), 2);
        assert!(
            listed.contains(&"煩不煩") && listed.contains(&"我就這態度"),
            "{listed:?}"
        );
    }

    #[test]
    fn courtesy_phrases_are_not_forbidden() {
        let f = forbidden();
        for phrase in COURTESY_PHRASES {
            assert!(f.find(phrase).is_empty(), "{phrase}");
        }
        let whole = COURTESY_PHRASES.join("，");
        assert!(f.find(&whole).is_empty());
        // The full courtesy list of Part 3, as the procedure writes it.
        assert!(f
            .find("對不起,請注意保持環境(室內)衛生(請您不要吸煙)。我能為您提供什么幫助嗎?請走好,再見")
            .is_empty());
    }

    #[test]
    fn ordinary_words_sharing_a_character_are_not_forbidden() {
        let f = forbidden();
        for text in [
            "喂養寵物的規定已說明",    // 喂
            "老太太來電,已安排上門",   // 老太 (not 老太婆)
            "請稍等一下,我們馬上處理", // 等一下 (not 叫什麼,等一下)
            "神經內科的預約已改期",    // 神經
            "已向領導匯報,明天答復",   // 領導
            "這事我們管,請放心",       // 管
            "師傅急著趕來,已維修完畢", // 急
            "您有什麼問題,請告訴我",   // 什麼, 問
        ] {
            assert!(f.find(text).is_empty(), "{text}: {:?}", f.find(text));
        }
    }

    #[test]
    fn courtesy_share_matching() {
        let c = list(COURTESY_PHRASES);
        assert!(c.any("您好，已為您更換。"));
        assert!(c.any("谢谢您的宝贵意见")); // Simplified, 謝謝
        assert!(c.any("很抱歉讓您久等了"));
        assert!(!c.any("已處理完畢。"));
    }

    #[test]
    fn empty_and_blank_phrases_are_ignored() {
        let l = list(&["", " ，", "煩不煩"]);
        assert!(!l.is_empty());
        assert!(!l.any("，"));
        assert!(list(&[]).find("anything").is_empty());
    }
}
