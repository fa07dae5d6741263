//! The few pieces of a saved workbook's XML that clerk writes itself (the notes of the annotated
//! copies, the rows of the Findings sheet): escaping as rust_xlsxwriter escapes, and rewriting
//! parts of a zip — a saved workbook, or a register's own package for its annotated copy — while
//! every other part is copied as it is, and adding new ones.

use std::fmt::Write as _;
use std::io::{Cursor, Read, Seek, Write};

use zip::write::SimpleFileOptions;

/// Escapes text as rust_xlsxwriter does in element content: `&`, `<`, `>`, and control
/// characters other than tab and newline as `_xHHHH_` (U+FFFE and U+FFFF too).
pub(super) fn escape(text: &str, out: &mut String) {
    // Every character to escape starts with a byte marked here (U+FFFE and U+FFFF with 0xEF,
    // which starts other characters too): the text is scanned a byte at a time, not decoded.
    const SPECIAL: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            table[b] = b != b'\t' as usize && b != b'\n' as usize;
            b += 1;
        }
        table[b'&' as usize] = true;
        table[b'<' as usize] = true;
        table[b'>' as usize] = true;
        table[0xEF] = true;
        table
    };
    let bytes = text.as_bytes();
    let (mut from, mut at) = (0, 0);
    while at < bytes.len() {
        let b = bytes[at];
        if !SPECIAL[b as usize] {
            at += 1;
            continue;
        }
        let (replacement, len) = match b {
            b'&' => (Some("&amp;"), 1),
            b'<' => (Some("&lt;"), 1),
            b'>' => (Some("&gt;"), 1),
            0xEF => match bytes.get(at + 1..at + 3) {
                Some([0xBF, 0xBE | 0xBF]) => (None, 3),
                _ => {
                    at += 1;
                    continue;
                }
            },
            _ => (None, 1),
        };
        out.push_str(&text[from..at]);
        match replacement {
            Some(entity) => out.push_str(entity),
            None => {
                let ch = text[at..].chars().next().unwrap_or_default();
                let _ = write!(out, "_x{:04X}_", ch as u32);
            }
        }
        at += len;
        from = at;
    }
    out.push_str(&text[from..]);
}

/// Escapes the text of a cell as rust_xlsxwriter does: text that reads as one of Excel's
/// `_xHHHH_` escapes keeps it literal (`_x005F_xHHHH_`), then [`escape`].
fn escape_cell_text(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    if memchr::memchr(b'_', bytes).is_none() {
        return escape(text, out);
    }
    let mut from = 0;
    for at in memchr::memmem::find_iter(bytes, b"_x") {
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

/// Appends a whole number as `write!` would, without the formatting machinery (row and column
/// numbers by the hundred thousand).
pub(super) fn push_int(out: &mut String, n: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// Appends `pixels` × 0.75 (points from whole pixels, as rust_xlsxwriter stores row heights and
/// places notes) as `f64`'s `Display` writes it: the value is a multiple of a quarter, so its
/// shortest decimal form ends in nothing, `.25`, `.5` or `.75`.
pub(super) fn push_points(out: &mut String, pixels: u32) {
    let quarters = u64::from(pixels) * 3;
    push_int(out, quarters / 4);
    out.push_str(["", ".25", ".5", ".75"][(quarters % 4) as usize]);
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
    out.push_str("<c r=\"");
    out.push_str(col_name);
    push_int(out, row);
    out.push('"');
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
        // Whole numbers (amounts, ids, counts) as integers: what `Display` gives them, sooner.
        n if n.fract() == 0.0 && n.abs() < 1e15 && !(n == 0.0 && n.is_sign_negative()) => {
            out.push_str("><v>");
            push_int(out, n as i64);
            out.push_str("</v></c>");
        }
        n => {
            let _ = write!(out, "><v>{n}</v></c>");
        }
    }
}

/// Writes `xml` with each [`MARK`] and its index replaced by the style number `styles[index]`.
pub(super) fn write_marked(out: &mut dyn Write, xml: &[u8], styles: &[String]) -> std::io::Result<()> {
    let mut rest = xml;
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

/// How clerk deflates the parts it writes: as rust_xlsxwriter deflates ours (level 3, fixed
/// permissions and time).
fn part_options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(3))
        .unix_permissions(0o600)
        .last_modified_time(zip::DateTime::default())
}

/// The parts `names` written by `write`, in that order, into a zip of their own, deflated as
/// [`rewrite_parts`] deflates them: to go into a workbook with [`replace_parts`]. (Parts of one
/// workbook written this way on several threads at once.)
pub(super) fn write_parts(
    names: &[&str],
    mut write: impl FnMut(&str, &mut dyn Write) -> std::io::Result<()>,
) -> Result<Vec<u8>, String> {
    let mut output = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for name in names {
        write_part(&mut output, name, &mut write)?;
    }
    Ok(output.finish().map_err(|e| e.to_string())?.into_inner())
}

/// Starts the part `name` in `output` ([`part_options`]) and has `write` write it, buffered.
fn write_part<W: Write + Seek>(
    output: &mut zip::ZipWriter<W>,
    name: &str,
    write: &mut impl FnMut(&str, &mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    output.start_file(name, part_options()).map_err(|e| e.to_string())?;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, output);
    write(name, &mut buffered).map_err(|e| format!("{name}: {e}"))?;
    buffered.flush().map_err(|e| format!("{name}: {e}"))
}

/// `book` with every part that one of `parts` ([`write_parts`]) holds taken from there as it
/// is, and every other part copied as it is, in the book's order. (A run writes the workbook
/// straight into its file: [`replace_parts_into`].)
#[cfg(test)]
pub(super) fn replace_parts(book: Vec<u8>, parts: &[Vec<u8>]) -> Result<Vec<u8>, String> {
    let size = book.len() + parts.iter().map(Vec::len).sum::<usize>();
    replace_parts_into(book, parts, Cursor::new(Vec::with_capacity(size))).map(Cursor::into_inner)
}

/// [`replace_parts`], written into `out` as it is put together (a file, rather than the whole
/// workbook in memory once more).
pub(super) fn replace_parts_into<W: Write + Seek>(book: Vec<u8>, parts: &[Vec<u8>], out: W) -> Result<W, String> {
    let mut sources = parts
        .iter()
        .map(|p| zip::ZipArchive::new(Cursor::new(p.as_slice())))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let mut input = zip::ZipArchive::new(Cursor::new(book)).map_err(|e| e.to_string())?;
    let mut output = zip::ZipWriter::new(out);
    for i in 0..input.len() {
        let file = input.by_index_raw(i).map_err(|e| e.to_string())?;
        let name = file.name().map_err(|e| e.to_string())?.to_string();
        let found = sources
            .iter_mut()
            .find_map(|s| s.index_for_name(&name).map(|at| (s, at)));
        match found {
            Some((source, at)) => {
                drop(file);
                let part = source.by_index_raw(at).map_err(|e| e.to_string())?;
                output.raw_copy_file(part).map_err(|e| e.to_string())?;
            }
            None => output.raw_copy_file(file).map_err(|e| e.to_string())?,
        }
    }
    output.finish().map_err(|e| e.to_string())
}

/// `book` with the parts named in `replaced` written again by `write` (deflated as
/// [`part_options`] says) and every other part copied as it is, in the same order.
pub(super) fn rewrite_parts(
    book: Vec<u8>,
    replaced: &[&str],
    write: impl FnMut(&str, &mut dyn Write) -> std::io::Result<()>,
) -> Result<Vec<u8>, String> {
    rewrite_package(&book, replaced, &[], write)
}

/// [`rewrite_parts`], with the parts named in `added` written by `write` after the others, in
/// that order. Every part copied keeps its bytes, compression and dates as they were.
pub(super) fn rewrite_package(
    book: &[u8],
    replaced: &[&str],
    added: &[&str],
    write: impl FnMut(&str, &mut dyn Write) -> std::io::Result<()>,
) -> Result<Vec<u8>, String> {
    let out = Cursor::new(Vec::with_capacity(book.len() + book.len() / 4));
    rewrite_package_into(book, replaced, added, write, out).map(Cursor::into_inner)
}

/// [`rewrite_package`], written into `out` as it is made.
pub(super) fn rewrite_package_into<W: Write + Seek>(
    book: &[u8],
    replaced: &[&str],
    added: &[&str],
    mut write: impl FnMut(&str, &mut dyn Write) -> std::io::Result<()>,
    out: W,
) -> Result<W, String> {
    let mut input = zip::ZipArchive::new(Cursor::new(book)).map_err(|e| e.to_string())?;
    let mut output = zip::ZipWriter::new(out);
    for i in 0..input.len() {
        let file = input.by_index_raw(i).map_err(|e| e.to_string())?;
        let name = file.name().map_err(|e| e.to_string())?.to_string();
        if replaced.contains(&name.as_str()) {
            drop(file);
            write_part(&mut output, &name, &mut write)?;
        } else {
            output.raw_copy_file(file).map_err(|e| e.to_string())?;
        }
    }
    for name in added {
        write_part(&mut output, name, &mut write)?;
    }
    output.finish().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The escaping as first written: a character at a time.
    fn escape_by_chars(text: &str) -> String {
        let special =
            |ch: char| matches!(ch, '&' | '<' | '>' | '\x00'..='\x08' | '\x0B'..='\x1F' | '\u{FFFE}' | '\u{FFFF}');
        let mut out = String::new();
        for ch in text.chars() {
            match ch {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                ch if special(ch) => out.push_str(&format!("_x{:04X}_", ch as u32)),
                ch => out.push(ch),
            }
        }
        out
    }

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape(text, &mut out);
        out
    }

    #[test]
    fn escapes_markup_and_control_characters_but_not_tab_newline_or_other_ef_characters() {
        assert_eq!(escaped("a&b<c>d"), "a&amp;b&lt;c&gt;d");
        assert_eq!(escaped("\t\n\r\x01"), "\t\n_x000D__x0001_");
        assert_eq!(escaped("\u{FFFE}\u{FFFF}\u{FFFD}，ｘ"), "_xFFFE__xFFFF_\u{FFFD}，ｘ");
        assert_eq!(escaped("客戶<張三>"), "客戶&lt;張三&gt;");
        let mut out = String::new();
        escape_cell_text("_x0041_ and _x12", &mut out);
        assert_eq!(out, "_x005F_x0041_ and _x12");
    }

    #[test]
    fn whole_numbers_and_points_read_as_display_writes_them() {
        for n in [
            0.0,
            -0.0,
            1.0,
            -7.0,
            45_000.0,
            999_999_999_999_999.0,
            1e15,
            1e21,
            0.5,
            -2.25,
            1e-7,
        ] {
            let mut out = String::new();
            number_end(&mut out, n);
            assert_eq!(out, format!("><v>{n}</v></c>"), "{n}");
        }
        for px in [0, 1, 2, 3, 4, 20, 21, 545, 1_000_001] {
            let mut out = String::new();
            push_points(&mut out, px);
            assert_eq!(out, format!("{}", f64::from(px) * 0.75), "{px}");
        }
    }

    #[test]
    fn parts_written_apart_and_put_in_give_the_bytes_of_one_rewrite() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in [
            ("a.xml", "<a/>"),
            ("b.xml", "<b/>"),
            ("c.xml", "<c/>"),
            ("d.xml", "<d/>"),
        ] {
            zip.start_file(name, part_options()).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        let book = zip.finish().unwrap().into_inner();
        let new_text = |name: &str| format!("<{name} new=\"{}\"/>", "合同".repeat(5_000));
        let write = |name: &str, out: &mut dyn Write| out.write_all(new_text(name).as_bytes());
        let once = rewrite_parts(book.clone(), &["b.xml", "d.xml"], write).unwrap();
        let apart = replace_parts(
            book.clone(),
            &[
                write_parts(&["d.xml"], write).unwrap(),
                write_parts(&["b.xml"], write).unwrap(),
            ],
        )
        .unwrap();
        assert_eq!(apart, once);
        assert_eq!(read_part(&apart, "a.xml").unwrap(), "<a/>");
        assert_eq!(read_part(&apart, "b.xml").unwrap(), new_text("b.xml"));
        assert_eq!(read_part(&apart, "d.xml").unwrap(), new_text("d.xml"));
        // The book's order, whatever the order of the parts given.
        let order: Vec<String> = (0..4)
            .map(|i| {
                let mut zip = zip::ZipArchive::new(Cursor::new(apart.as_slice())).unwrap();
                let name = zip.by_index_raw(i).unwrap().name().unwrap().to_string();
                name
            })
            .collect();
        assert_eq!(order, ["a.xml", "b.xml", "c.xml", "d.xml"]);
        // Nothing to put in: the book as it was.
        assert_eq!(
            replace_parts(book.clone(), &[]).unwrap(),
            rewrite_parts(book, &[], write).unwrap()
        );
    }

    proptest! {
        #[test]
        fn escaping_by_bytes_is_escaping_by_characters(text in "(\\PC|[\\x00-\\x1F&<>_x0-9A-F\u{FFFD}-\u{FFFF}])*") {
            prop_assert_eq!(escaped(&text), escape_by_chars(&text));
        }

        #[test]
        fn numbers_are_written_as_display_writes_them(n in any::<f64>().prop_filter("finite", |n| n.is_finite()), whole in -1e16f64..1e16) {
            for n in [n, whole.trunc()] {
                let mut out = String::new();
                number_end(&mut out, n);
                prop_assert_eq!(out, format!("><v>{n}</v></c>"));
            }
        }
    }
}
