//! The notes of a sheet that already has comments or a VML drawing: clerk's notes added to them.
//! A cell that already has a comment keeps it, with clerk's note after its text; clerk's other
//! notes are new comments, each with a box in the sheet's drawing numbered in blocks of shapes no
//! other drawing of the workbook uses.

use std::collections::BTreeMap;

use super::xml::{escaped, prefix_of, value, Edit, Ev, Events};
use crate::render::notes::{push_shape, Grid, SHAPE_TYPE};

/// A note: (row, column, 0-based; text).
pub(super) type Note = (u32, u16, String);

/// The font of a note's text, as in the comments clerk writes ([`crate::render::notes`]).
const FONT: &str = "<sz val=\"8\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/>";
const AUTHOR: &str = "clerk";

/// The runs of a note in a comment: `clerk:` in bold, then the text on the next line; on a line
/// of its own after the text of a comment the cell had.
fn runs(p: &str, text: &str, after: bool) -> String {
    let font = FONT.replace('<', &format!("<{p}"));
    let (space, line) = match after {
        true => (" xml:space=\"preserve\"", "\n"),
        false => ("", ""),
    };
    format!(
        "<{p}r><{p}rPr><{p}b/>{font}</{p}rPr><{p}t{space}>{line}{AUTHOR}:</{p}t></{p}r><{p}r><{p}rPr>{font}</{p}rPr><{p}t xml:space=\"preserve\">\n{}</{p}t></{p}r>",
        escaped(text)
    )
}

/// One comment of a comments part: where its runs end.
struct Existing {
    /// Where clerk's runs go: before the `<rPh>`/`<phoneticPr>` of its text, or its end.
    runs_at: Option<usize>,
}

/// A comments part's layout: its prefix, authors, comments by cell, and where new ones go.
#[derive(Default)]
struct Layout {
    prefix: String,
    authors: Vec<String>,
    authors_end: Option<usize>,
    comments: BTreeMap<String, Existing>,
    list_end: Option<usize>,
}

fn layout(xml: &[u8]) -> Result<Layout, String> {
    let mut events = Events::new(xml);
    let mut layout = Layout::default();
    let mut current: Option<String> = None;
    let mut author: Option<usize> = None;
    while let Some((ev, name, start, end)) = events.next()? {
        let depth = events.depth;
        match ev {
            Ev::Open { tag, empty } => {
                match (depth, name) {
                    (0, _) => layout.prefix = prefix_of(&tag),
                    (2, b"author") if empty => layout.authors.push(String::new()),
                    (2, b"author") => author = Some(end),
                    (2, b"comment") => {
                        current = value(&tag, "ref").map(|r| r.to_ascii_uppercase());
                        if let Some(r) = current.clone() {
                            layout.comments.insert(r, Existing { runs_at: None });
                        }
                    }
                    (4, b"rPh" | b"phoneticPr") => {
                        if let Some(c) = current.as_ref().and_then(|r| layout.comments.get_mut(r)) {
                            c.runs_at.get_or_insert(start);
                        }
                    }
                    _ => {}
                }
                if !empty {
                    events.enter();
                }
            }
            Ev::Close => match (depth, name) {
                (1, b"authors") => layout.authors_end = Some(start),
                (1, b"commentList") => layout.list_end = Some(start),
                (2, b"author") => {
                    let from = author.take().unwrap_or(start);
                    let text = quick_xml::escape::unescape(&String::from_utf8_lossy(&xml[from..start]))
                        .map(|t| t.into_owned())
                        .unwrap_or_default();
                    layout.authors.push(text);
                }
                (3, b"text") => {
                    if let Some(c) = current.as_ref().and_then(|r| layout.comments.get_mut(r)) {
                        c.runs_at.get_or_insert(start);
                    }
                }
                _ => {}
            },
            Ev::Other => {}
        }
    }
    Ok(layout)
}

/// An existing comments part with `notes` added: the part's new text, and for each note whether
/// it went into a comment the cell already had (it needs no new box).
pub(super) fn merge_comments(xml: &[u8], notes: &[Note]) -> Result<(Vec<u8>, Vec<bool>), String> {
    let layout = layout(xml)?;
    let (Some(authors_end), Some(list_end)) = (layout.authors_end, layout.list_end) else {
        return Err("comments without authors or list".into());
    };
    let p = &layout.prefix;
    let mut edits = Vec::new();
    let author_id = match layout.authors.iter().position(|a| a == AUTHOR) {
        Some(id) => id,
        None => {
            edits.push(Edit::insert(authors_end, format!("<{p}author>{AUTHOR}</{p}author>")));
            layout.authors.len()
        }
    };
    let mut added = String::new();
    let mut had = Vec::with_capacity(notes.len());
    for (row, col, text) in notes {
        let reference = format!("{}{}", crate::read::column_letters(u32::from(*col)), row + 1);
        match layout.comments.get(&reference).map(|c| c.runs_at) {
            Some(Some(at)) => {
                edits.push(Edit::insert(at, runs(p, text, true)));
                had.push(true);
            }
            Some(None) => return Err(format!("the comment of {reference} has no text")),
            None => {
                added.push_str(&format!(
                    "<{p}comment ref=\"{reference}\" authorId=\"{author_id}\"><{p}text>{}</{p}text></{p}comment>",
                    runs(p, text, false)
                ));
                had.push(false);
            }
        }
    }
    edits.push(Edit::insert(list_end, added));
    edits.sort_by_key(|e| e.at);
    Ok((super::xml::applied(xml, &edits), had))
}

/// The blocks of shape numbers (1,024 each) the workbook's drawings use: the highest, so that a
/// new drawing's shapes start after it.
pub(super) fn last_block(vml_parts: &[Vec<u8>]) -> u32 {
    let mut last = 0;
    for vml in vml_parts {
        let text = String::from_utf8_lossy(vml);
        for (at, _) in text.match_indices("_x0000_s") {
            let digits: String = text[at + 8..].chars().take_while(char::is_ascii_digit).collect();
            last = last.max(digits.parse::<u32>().unwrap_or(0) / 1024);
        }
        if let Some(data) = idmap(&text) {
            last = (data.1.split(','))
                .filter_map(|n| n.trim().parse::<u32>().ok())
                .fold(last, u32::max);
        }
    }
    last
}

/// The `data` list of a drawing's `<o:idmap>`, and where it ends.
fn idmap(text: &str) -> Option<(usize, &str)> {
    let at = text.find("<o:idmap")?;
    let tag = &text[at..at + text[at..].find('>')?];
    let from = at + tag.find("data=\"")? + "data=\"".len();
    let len = text[from..].find('"')?;
    Some((from + len, &text[from..from + len]))
}

/// An existing VML drawing with a box for each of `notes` (cells 0-based), numbered from block
/// `block` on; the drawing's blocks list takes in the new ones.
pub(super) fn merge_vml(vml: &[u8], notes: &[(u32, u16)], block: u32, grid: &Grid) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(vml).map_err(|_| "a drawing not in UTF-8".to_string())?;
    let root = (text.match_indices("<xml"))
        .find(|(at, _)| text[at + 4..].starts_with([' ', '>', '\n', '\r', '\t']))
        .map(|(at, _)| at)
        .ok_or("a drawing without its root")?;
    let root_end = root + text[root..].find('>').ok_or("a drawing without its root")?;
    let end = text.rfind("</xml>").ok_or("a drawing without its end")?;
    let blocks: Vec<String> = (0..=notes.len() as u32 / 1024)
        .map(|k| (block + k).to_string())
        .collect();
    let mut edits = Vec::new();
    let root_tag = &text[root..root_end];
    let namespaces: String = [
        ("v", "urn:schemas-microsoft-com:vml"),
        ("o", "urn:schemas-microsoft-com:office:office"),
        ("x", "urn:schemas-microsoft-com:office:excel"),
    ]
    .iter()
    .filter(|(p, _)| !root_tag.contains(&format!("xmlns:{p}=")))
    .map(|(p, ns)| format!(" xmlns:{p}=\"{ns}\""))
    .collect();
    let self_closing = root_tag.ends_with('/');
    if self_closing {
        return Err("an empty drawing".into());
    }
    edits.push(Edit::insert(root_end, namespaces));
    match idmap(text) {
        Some((at, _)) => edits.push(Edit::insert(at, format!(",{}", blocks.join(",")))),
        None => edits.push(Edit::insert(
            root_end + 1,
            format!(
                "<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{}\"/></o:shapelayout>",
                blocks.join(",")
            ),
        )),
    }
    let mut shapes = String::new();
    if !text.contains("\"_x0000_t202\"") {
        shapes.push_str(SHAPE_TYPE);
    }
    let existing = text.matches("<v:shape ").count() as u32;
    for (i, (row, col)) in notes.iter().enumerate() {
        push_shape(
            &mut shapes,
            grid,
            block * 1024 + 1 + i as u32,
            existing + 1 + i as u32,
            *row,
            *col,
        );
    }
    edits.push(Edit::insert(end, shapes));
    edits.sort_by_key(|e| e.at);
    Ok(super::xml::applied(vml, &edits))
}
