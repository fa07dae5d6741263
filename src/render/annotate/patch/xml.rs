//! Reading a part's XML where it is to be changed: quick-xml over the part's bytes, each event with
//! where it starts and ends, and the changes as edits at byte offsets, so that every byte not
//! changed is copied as it was.

use std::collections::BTreeMap;
use std::io::Write;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::rules::finding::Severity;

/// The relationships namespace (`r:id` and the like).
pub(super) const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A part's events, each with the byte offsets it starts and ends at.
pub(super) struct Events<'x> {
    xml: &'x [u8],
    reader: Reader<&'x [u8]>,
    /// Where the reader's input starts in `xml`.
    base: usize,
    /// Elements open around the next event (the root is at depth 0).
    pub(super) depth: usize,
}

/// One event of [`Events`]: what it is.
pub(super) enum Ev<'x> {
    /// A start tag (`empty`: a whole element, `<x/>`).
    Open { tag: BytesStart<'x>, empty: bool },
    /// An end tag.
    Close,
    /// Anything else: text, comments, declarations.
    Other,
}

/// An event of [`Events`]: what it is, the local name of its element (empty for other events),
/// its start and end offsets.
pub(super) type Located<'x> = (Ev<'x>, &'x [u8], usize, usize);

impl<'x> Events<'x> {
    pub(super) fn new(xml: &'x [u8]) -> Self {
        Events {
            xml,
            reader: Reader::from_reader(xml),
            base: 0,
            depth: 0,
        }
    }

    /// Goes on from offset `at` (the start of a tag or text) inside `depth` elements; the end
    /// tags of the elements open there are not checked.
    pub(super) fn jump(&mut self, at: usize, depth: usize) {
        self.reader = Reader::from_reader(&self.xml[at.min(self.xml.len())..]);
        self.reader.config_mut().allow_unmatched_ends = true;
        self.base = at;
        self.depth = depth;
    }

    /// The next event; none at the end. An element's depth is `self.depth` while its `Open` or
    /// `Close` is looked at; call [`Events::enter`] after an `Open` that is not `empty`.
    pub(super) fn next(&mut self) -> Result<Option<Located<'x>>, String> {
        let start = self.base + self.reader.buffer_position() as usize;
        let event = (self.reader.read_event()).map_err(|e| {
            let at = self.base + self.reader.error_position() as usize;
            format!("not well-formed at byte {at}: {e}")
        })?;
        let end = self.base + self.reader.buffer_position() as usize;
        let (ev, skip) = match event {
            Event::Start(tag) => (Ev::Open { tag, empty: false }, 1),
            Event::Empty(tag) => (Ev::Open { tag, empty: true }, 1),
            Event::End(_) => {
                self.depth = self.depth.saturating_sub(1);
                (Ev::Close, 2)
            }
            Event::Eof => return Ok(None),
            _ => return Ok(Some((Ev::Other, &[], start, end))),
        };
        Ok(Some((ev, local_name(&self.xml[start + skip..end]), start, end)))
    }

    pub(super) fn enter(&mut self) {
        self.depth += 1;
    }
}

/// The local name at the start of `tag` (the bytes after `<` or `</`).
fn local_name(tag: &[u8]) -> &[u8] {
    let len = memchr::memchr3(b' ', b'>', b'/', tag).unwrap_or(tag.len());
    let name = &tag[..memchr::memchr3(b'\t', b'\n', b'\r', &tag[..len]).unwrap_or(len)];
    match memchr::memchr(b':', name) {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}

/// The prefix of an element's name with its colon (`x:` of `x:row`), or nothing.
pub(super) fn prefix_of(tag: &BytesStart) -> String {
    let name = tag.name();
    match name.prefix() {
        Some(p) => format!("{}:", p.into_inner()),
        None => String::new(),
    }
}

/// The value of attribute `name` (its full name, e.g. `r` or `r:id`), still escaped, with its
/// offset in `xml`.
pub(super) fn attribute<'x>(xml: &[u8], tag: &BytesStart<'x>, name: &str) -> Option<(String, usize)> {
    for attr in tag.attributes().with_checks(false).flatten() {
        if attr.key.into_inner() == name {
            let value: &str = &attr.value;
            let at = (value.as_ptr() as usize).checked_sub(xml.as_ptr() as usize)?;
            return (at + value.len() <= xml.len()).then(|| (value.to_string(), at));
        }
    }
    None
}

/// The value of attribute `name`, unescaped.
pub(super) fn value(tag: &BytesStart, name: &str) -> Option<String> {
    let attr = tag.try_get_attribute(name).ok().flatten()?;
    Some(
        attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()?
            .into_owned(),
    )
}

/// The value of the attribute whose local name is `local` and which has a prefix bound to the
/// relationships namespace (`r:id`), whatever the prefix (any prefix, if none is bound to it).
pub(super) fn relationship_id(tag: &BytesStart, local: &str) -> Option<String> {
    tag.attributes().with_checks(false).flatten().find_map(|attr| {
        let key = attr.key;
        (key.prefix().is_some() && key.local_name().into_inner() == local)
            .then(|| attr.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
            .flatten()
            .map(|v| v.into_owned())
    })
}

/// The tag's attributes as written (`name="value"`, still escaped), but for those `skip` names.
pub(super) fn attributes_except(tag: &BytesStart, skip: &[&str]) -> String {
    let mut out = String::new();
    for attr in tag.attributes().with_checks(false).flatten() {
        let key = attr.key.into_inner();
        if skip.contains(&key) {
            continue;
        }
        let value = &attr.value;
        let quote = if value.contains('"') { '\'' } else { '"' };
        out.push_str(&format!(" {key}={quote}{value}{quote}"));
    }
    out
}

/// A piece of an edit's text: written as it is, or the number of the cell style that is the
/// style `base` with the fill of `severity` (known once every sheet has been looked at).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Piece {
    Text(String),
    Style(u32, Severity),
}

/// A change to a part: the `cut` bytes at `at` replaced by `pieces`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Edit {
    pub(super) at: usize,
    pub(super) cut: usize,
    pub(super) pieces: Vec<Piece>,
}

impl Edit {
    pub(super) fn insert(at: usize, text: String) -> Edit {
        Edit {
            at,
            cut: 0,
            pieces: vec![Piece::Text(text)],
        }
    }

    pub(super) fn replace(at: usize, cut: usize, text: String) -> Edit {
        Edit {
            at,
            cut,
            pieces: vec![Piece::Text(text)],
        }
    }
}

/// The new cell styles: each (style, severity) of the marked cells, by its number.
pub(super) type Styles = BTreeMap<(u32, Severity), u32>;

/// Writes `xml` with `edits` (in order of their offsets, not overlapping) made.
pub(super) fn apply(xml: &[u8], edits: &[Edit], styles: &Styles, out: &mut dyn Write) -> std::io::Result<()> {
    let mut from = 0;
    for edit in edits {
        out.write_all(&xml[from..edit.at])?;
        for piece in &edit.pieces {
            match piece {
                Piece::Text(text) => out.write_all(text.as_bytes())?,
                Piece::Style(base, severity) => {
                    let style = styles.get(&(*base, *severity)).copied().unwrap_or(*base);
                    out.write_all(itoa::Buffer::new().format(style).as_bytes())?;
                }
            }
        }
        from = edit.at + edit.cut;
    }
    out.write_all(&xml[from..])
}

/// `xml` with `edits` made, for parts small enough to hold twice.
pub(super) fn applied(xml: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut out = Vec::with_capacity(xml.len() + 1024);
    let _ = apply(xml, edits, &Styles::new(), &mut out);
    out
}

/// Escapes text for element content or an attribute value.
pub(super) fn escaped(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}
