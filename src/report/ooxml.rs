//! The few pieces of a saved workbook's XML that clerk writes itself (the notes of the annotated
//! copies, the rows of the Findings sheet): escaping as rust_xlsxwriter escapes, and rewriting
//! parts of the saved zip while every other part is copied as it is.

use std::fmt::Write as _;
use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

/// Escapes text as rust_xlsxwriter does in element content: `&`, `<`, `>`, and control
/// characters other than tab and newline as `_xHHHH_`.
pub(super) fn escape(text: &str, out: &mut String) {
    let special =
        |ch: char| matches!(ch, '&' | '<' | '>' | '\x00'..='\x08' | '\x0B'..='\x1F' | '\u{FFFE}' | '\u{FFFF}');
    let mut rest = text;
    while let Some(at) = rest.find(special) {
        out.push_str(&rest[..at]);
        let ch = rest[at..].chars().next().unwrap_or_default();
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => {
                let _ = write!(out, "_x{:04X}_", ch as u32);
            }
        }
        rest = &rest[at + ch.len_utf8()..];
    }
    out.push_str(rest);
}

/// Escapes the text of a cell as rust_xlsxwriter does: text that reads as one of Excel's
/// `_xHHHH_` escapes keeps it literal (`_x005F_xHHHH_`), then [`escape`].
fn escape_cell_text(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut from = 0;
    for (at, _) in text.match_indices("_x") {
        let escape_like =
            bytes.len() >= at + 7 && bytes[at + 2..at + 6].iter().all(u8::is_ascii_hexdigit) && bytes[at + 6] == b'_';
        if escape_like {
            escape(&text[from..at], out);
            out.push_str("_x005F");
            from = at;
        }
    }
    escape(&text[from..], out);
}

/// Characters (UTF-16 units) a cell holds; longer text is cut there.
const MAX_TEXT: usize = 32_767;

/// The end of a `<c>` with inline text, from its type on, as rust_xlsxwriter writes it (the text
/// cut to what a cell holds): ` t="inlineStr"><is><t>…</t></is></c>`.
pub(super) fn inline_text(out: &mut String, text: &str) {
    let text = cut(text, MAX_TEXT);
    out.push_str(" t=\"inlineStr\"><is><t");
    let space = ['\t', '\n', ' '];
    if text.starts_with(space) || text.ends_with(space) {
        out.push_str(" xml:space=\"preserve\"");
    }
    out.push('>');
    escape_cell_text(text, out);
    out.push_str("</t></is></c>");
}

/// `text` cut to at most `limit` UTF-16 units (whole characters).
fn cut(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text; // a UTF-16 unit takes at least one byte
    }
    let mut units = 0;
    for (at, ch) in text.char_indices() {
        units += ch.len_utf16();
        if units > limit {
            return &text[..at];
        }
    }
    text
}

/// Where a cell's style number goes in rows clerk writes before the workbook is saved: this byte,
/// then one more telling which style (its place in the writer's list of probes, from `0`). Cell
/// text cannot hold it: control characters are escaped.
pub(super) const MARK: u8 = 0x01;

/// The start of a `<c>` at `col_name``row` (1-based) whose style is the `index`th probe's; none
/// is written for `None` (the default style).
pub(super) fn cell_start(out: &mut String, col_name: &str, row: u32, index: Option<usize>) {
    let _ = write!(out, "<c r=\"{col_name}{row}\"");
    if let Some(index) = index {
        out.push_str(" s=\"");
        out.push(MARK as char);
        out.push(char::from(b'0' + index as u8));
        out.push('"');
    }
}

/// The end of a `<c>` holding a number, from the end of its start tag, as rust_xlsxwriter writes
/// it (a number Excel cannot hold as text, as rust_xlsxwriter does).
pub(super) fn number_end(out: &mut String, number: f64) {
    match number {
        n if n.is_nan() => inline_text(out, "NAN"),
        n if n == f64::INFINITY => inline_text(out, "INF"),
        n if n.is_infinite() => inline_text(out, "-INF"),
        n => {
            let _ = write!(out, "><v>{n}</v></c>");
        }
    }
}

/// Writes `xml` with each [`MARK`] and its index replaced by the style number `styles[index]`.
pub(super) fn write_marked(out: &mut dyn Write, xml: &str, styles: &[String]) -> std::io::Result<()> {
    let mut rest = xml.as_bytes();
    while let Some(at) = memchr::memchr(MARK, rest) {
        out.write_all(&rest[..at])?;
        let index = rest.get(at + 1).map_or(0, |d| d.wrapping_sub(b'0')) as usize;
        out.write_all(styles.get(index).map_or("0", String::as_str).as_bytes())?;
        rest = rest.get(at + 2..).unwrap_or_default();
    }
    out.write_all(rest)
}

/// The style number of the cell `reference` in a sheet's XML (`0` when it has none).
pub(super) fn style_of(sheet: &str, reference: &str) -> Option<String> {
    let at = sheet.find(&format!("<c r=\"{reference}\""))?;
    Some(attribute(&sheet[at + 2..], "s").unwrap_or("0").to_string())
}

/// `head` (a sheet's XML up to its rows) with the range of its `<dimension>` set to `range`.
pub(super) fn with_dimension(head: &str, range: &str) -> String {
    let Some(at) = head.find("<dimension ref=\"") else {
        return head.to_string();
    };
    let from = at + "<dimension ref=\"".len();
    match head[from..].find('"') {
        Some(len) => format!("{}{range}{}", &head[..from], &head[from + len..]),
        None => head.to_string(),
    }
}

/// Escapes an attribute value as rust_xlsxwriter does: `&`, `"`, `<`, `>` and newline.
pub(super) fn escape_attribute(text: &str, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("&#xA;"),
            _ => out.push(ch),
        }
    }
}

/// The value of the attribute `name` in the start of an element (as written, still escaped).
pub(super) fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let at = tag
        .find(&format!(" {name}=\""))
        .or_else(|| tag.starts_with(&format!("{name}=\"")).then_some(0))?;
    let from = at + tag[at..].find('"')? + 1;
    Some(&tag[from..from + tag[from..].find('"')?])
}

/// The text of the part `name` of a saved workbook.
pub(super) fn read_part(book: &[u8], name: &str) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(book)).map_err(|e| e.to_string())?;
    let mut part = zip.by_name(name).map_err(|e| format!("{name}: {e}"))?;
    let mut text = String::new();
    part.read_to_string(&mut text).map_err(|e| format!("{name}: {e}"))?;
    Ok(text)
}

/// `book` with the parts named in `replaced` written again by `write` (deflated as
/// rust_xlsxwriter deflates ours: level 3, fixed permissions and time) and every other part
/// copied as it is, in the same order.
pub(super) fn rewrite_parts(
    book: Vec<u8>,
    replaced: &[&str],
    mut write: impl FnMut(&str, &mut dyn Write) -> std::io::Result<()>,
) -> Result<Vec<u8>, String> {
    let size = book.len();
    let mut input = zip::ZipArchive::new(Cursor::new(book)).map_err(|e| e.to_string())?;
    let mut output = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(size + size / 4)));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(3))
        .unix_permissions(0o600)
        .last_modified_time(zip::DateTime::default());
    for i in 0..input.len() {
        let file = input.by_index_raw(i).map_err(|e| e.to_string())?;
        let name = file.name().map_err(|e| e.to_string())?.to_string();
        if replaced.contains(&name.as_str()) {
            drop(file);
            output.start_file(name.as_str(), options).map_err(|e| e.to_string())?;
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut output);
            write(&name, &mut buffered).map_err(|e| format!("{name}: {e}"))?;
            buffered.flush().map_err(|e| format!("{name}: {e}"))?;
        } else {
            output.raw_copy_file(file).map_err(|e| e.to_string())?;
        }
    }
    Ok(output.finish().map_err(|e| e.to_string())?.into_inner())
}
