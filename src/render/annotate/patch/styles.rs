//! The workbook's styles with the highlight fills added: a fill per severity used, and for each
//! cell style a marked cell had, a copy of it with that fill (same number format, font, border,
//! alignment, protection). Every other style, the fonts, number formats and cell styles stay.

use std::collections::BTreeSet;

use quick_xml::events::BytesStart;

use super::xml::{attribute, attributes_except, prefix_of, Edit, Ev, Events, Styles};
use crate::render::annotate::look::rgb;
use crate::rules::finding::Severity;

/// One `<xf>` of `<cellXfs>`: its start tag without its fill, and the rest of it.
struct Xf {
    /// `<xf` and its attributes but `fillId` and `applyFill`.
    open: String,
    /// After the start tag: its children and end tag, or nothing for `<xf …/>`.
    rest: Option<(usize, usize)>,
}

/// The edits that add the fills and cell styles `used` needs, and the number of each new style.
pub(super) fn patch(xml: &[u8], used: &BTreeSet<(u32, Severity)>) -> Result<(Vec<Edit>, Styles), String> {
    let mut events = Events::new(xml);
    let mut prefix = String::new();
    let (mut fills, mut fills_end, mut fills_count) = (0usize, None, None);
    let (mut xfs, mut xfs_end, mut xfs_count) = (Vec::<Xf>::new(), None, None);
    let mut in_section = Section::None;
    while let Some((ev, name, start, end)) = events.next()? {
        let depth = events.depth;
        match ev {
            Ev::Open { tag, empty } => {
                match (depth, name) {
                    (0, _) => prefix = prefix_of(&tag),
                    (1, b"fills") if !empty => {
                        in_section = Section::Fills;
                        fills_count = attribute(xml, &tag, "count");
                    }
                    (1, b"cellXfs") if !empty => {
                        in_section = Section::CellXfs;
                        xfs_count = attribute(xml, &tag, "count");
                    }
                    (2, b"fill") if in_section == Section::Fills => fills += 1,
                    (2, b"xf") if in_section == Section::CellXfs => xfs.push(xf(&tag, empty, end)),
                    _ => {}
                }
                if !empty {
                    events.enter();
                }
            }
            Ev::Close => match (depth, name) {
                (1, b"fills") => (in_section, fills_end) = (Section::None, Some(start)),
                (1, b"cellXfs") => (in_section, xfs_end) = (Section::None, Some(start)),
                (2, b"xf") if in_section == Section::CellXfs => {
                    if let Some(Xf { rest: Some(rest), .. }) = xfs.last_mut() {
                        rest.1 = end;
                    }
                }
                _ => {}
            },
            Ev::Other => {}
        }
    }
    let (Some(fills_end), Some(xfs_end)) = (fills_end, xfs_end) else {
        return Err("no fills or cell formats".into());
    };
    if xfs.is_empty() {
        return Err("no cell formats".into());
    }
    let severities: BTreeSet<Severity> = used.iter().map(|u| u.1).collect();
    let fill_of = |severity: Severity| fills + severities.iter().position(|s| *s == severity).unwrap_or(0);
    let mut styles = Styles::new();
    let mut new_xfs = String::new();
    for (n, &(base, severity)) in used.iter().enumerate() {
        let original = xfs.get(base as usize).unwrap_or(&xfs[0]);
        new_xfs.push_str(&original.open);
        new_xfs.push_str(&format!(" fillId=\"{}\" applyFill=\"1\"", fill_of(severity)));
        match original.rest {
            Some((from, to)) => new_xfs.push_str(&format!(">{}", String::from_utf8_lossy(&xml[from..to]))),
            None => new_xfs.push_str("/>"),
        }
        styles.insert((base, severity), (xfs.len() + n) as u32);
    }
    let new_fills: String = severities.iter().map(|s| fill(&prefix, *s)).collect();
    let mut edits = Vec::new();
    if let Some((count, at)) = fills_count {
        edits.push(Edit::replace(at, count.len(), (fills + severities.len()).to_string()));
    }
    edits.push(Edit::insert(fills_end, new_fills));
    if let Some((count, at)) = xfs_count {
        edits.push(Edit::replace(at, count.len(), (xfs.len() + used.len()).to_string()));
    }
    edits.push(Edit::insert(xfs_end, new_xfs));
    edits.sort_by_key(|e| e.at);
    Ok((edits, styles))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    None,
    Fills,
    CellXfs,
}

fn xf(tag: &BytesStart, empty: bool, end: usize) -> Xf {
    let name = tag.name().into_inner().to_string();
    Xf {
        open: format!("<{name}{}", attributes_except(tag, &["fillId", "applyFill"])),
        rest: (!empty).then_some((end, end)),
    }
}

/// The solid fill of a severity's highlight.
fn fill(p: &str, severity: Severity) -> String {
    format!(
        "<{p}fill><{p}patternFill patternType=\"solid\"><{p}fgColor rgb=\"FF{:06X}\"/><{p}bgColor indexed=\"64\"/></{p}patternFill></{p}fill>",
        rgb(severity)
    )
}
