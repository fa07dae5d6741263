//! The annotated copy of an xlsx or xlsm register: the staff's own package with only the
//! highlights and notes added, so that it still looks like theirs (styles, widths, number
//! formats, merged cells, frozen panes, validations, formulas, macros, other sheets).
//!
//! Every part is copied as it is but these: the styles (`styles.rs`: a fill per severity, and a
//! copy of each style a marked cell had with that fill), the marked sheets (`sheet.rs`: the `s`
//! of each marked cell, a cell or row made where the XML has none, a `<legacyDrawing>` in its
//! place), their relationships, and the content types; the notes are new comments parts and VML
//! drawings, or added to the sheet's own (`comments.rs`). `parts.rs` finds the parts; `xml.rs`
//! reads them with quick-xml and makes the changes at byte offsets, so nothing else moves.

mod comments;
mod parts;
mod sheet;
mod styles;
#[cfg(test)]
mod tests;
mod xml;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Seek, Write};

use self::comments::Note;
use self::parts::{Names, Package, Rel};
pub(super) use self::sheet::Marks;
use self::sheet::Scanned;
use self::xml::{Edit, Piece};
use crate::render::notes::write_comments;

/// The marks and notes of one sheet of a copy.
pub(super) struct SheetMarks {
    pub(super) name: String,
    pub(super) marks: Marks,
    /// (row, column, 0-based; text), in row, then column order.
    pub(super) notes: Vec<Note>,
}

/// What patching a file gave.
pub(super) enum Patched<W> {
    /// The copy, written into the output given.
    Copy(W),
    /// The file is no package of XML parts (xlsb, ods): it is copied from its values.
    NotXml,
}

/// A sheet to patch: its part, XML and what it needs.
struct SheetPlan<'s> {
    part: String,
    xml: Vec<u8>,
    scanned: Scanned,
    marks: &'s SheetMarks,
}

/// The parts of the copy that are not the original's.
#[derive(Default)]
struct Changes {
    /// Parts written again, by their stored name.
    replaced: BTreeMap<String, Vec<u8>>,
    /// New parts, in order.
    added: Vec<(String, New)>,
    comments: Vec<String>,
    vml: Vec<String>,
}

/// A new part of the copy: its bytes, or the notes it is made of as it goes into the copy (a
/// register with 90,000 findings has 100 MB of them).
enum New {
    Bytes(Vec<u8>),
    /// The comments of the notes of sheet `plans[n]`.
    Comments(usize),
    /// The boxes of the notes of sheet `plans[plan]` whose cells `had` no comment yet, numbered
    /// from block `first`.
    Drawing {
        plan: usize,
        first: u32,
        had: Vec<bool>,
    },
}

impl New {
    fn write(&self, plans: &[SheetPlan], out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            New::Bytes(bytes) => out.write_all(bytes),
            New::Comments(n) => write_comments(&plans[*n].marks.notes, out),
            New::Drawing { plan, first, had } => {
                let (notes, grid) = (&plans[*plan].marks.notes, &plans[*plan].scanned.grid);
                match had.iter().any(|h| *h) {
                    false => crate::render::notes::write_vml(notes, *first, grid, out),
                    true => {
                        let boxes: Vec<Note> = (notes.iter().zip(had))
                            .filter(|(_, had)| !**had)
                            .map(|(note, _)| note.clone())
                            .collect();
                        crate::render::notes::write_vml(&boxes, *first, grid, out)
                    }
                }
            }
        }
    }
}

/// The copy of `original` (an xlsx or xlsm file's bytes) with `sheets` marked and noted, written
/// into `out` (which is written to only once the copy is worked out: not for a package that is no
/// workbook of XML parts, nor when a part cannot be read).
pub(super) fn patch<W: Write + Seek>(original: &[u8], sheets: &[SheetMarks], out: W) -> Result<Patched<W>, String> {
    let mut package = Package::open(original)?;
    let Some(workbook) = package.workbook()? else {
        return Ok(Patched::NotXml);
    };
    let mut plans = Vec::new();
    for marks in sheets {
        let (_, part) = (workbook.sheets.iter())
            .find(|(name, _)| *name == marks.name)
            .ok_or_else(|| format!("no sheet {}", marks.name))?;
        let xml = package.read(part)?;
        let scanned = sheet::scan(&xml, &marks.marks).map_err(|e| format!("{part}: {e}"))?;
        plans.push(SheetPlan {
            part: package.find(part).unwrap_or(part).to_string(),
            xml,
            scanned,
            marks,
        });
    }
    let used: BTreeSet<_> = (plans.iter())
        .flat_map(|p| p.scanned.edits.iter().flat_map(|e| &e.pieces))
        .filter_map(|piece| match piece {
            Piece::Style(base, severity) => Some((*base, *severity)),
            Piece::Text(_) => None,
        })
        .collect();
    let styles_xml = package.read(&workbook.styles)?;
    let (style_edits, styles) = styles::patch(&styles_xml, &used).map_err(|e| format!("{}: {e}", workbook.styles))?;
    let mut changes = Changes::default();
    let styles_part = package.find(&workbook.styles).unwrap_or_default().to_string();
    changes
        .replaced
        .insert(styles_part, xml::applied(&styles_xml, &style_edits));
    add_notes(&mut package, &mut plans, &mut changes)?;
    let types_part = package.find("[Content_Types].xml").unwrap_or_default().to_string();
    let types = package.read(&types_part)?;
    let types = parts::with_content_types(&types, &changes.comments, &changes.vml)
        .map_err(|e| format!("[Content_Types].xml: {e}"))?;
    changes.replaced.insert(types_part, types);
    write(original, &plans, &changes, &styles, out).map(Patched::Copy)
}

/// The notes of every sheet: comments and drawings new or added to, the sheets' relationships.
fn add_notes(package: &mut Package, plans: &mut [SheetPlan], changes: &mut Changes) -> Result<(), String> {
    let mut names = Names::new(package);
    let drawings: Vec<String> = (package.parts())
        .filter(|p| p.to_ascii_lowercase().ends_with(".vml"))
        .map(str::to_string)
        .collect();
    let drawings = (drawings.iter())
        .map(|p| package.read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut block = comments::last_block(&drawings);
    for (n, plan) in plans.iter_mut().enumerate().filter(|(_, p)| !p.marks.notes.is_empty()) {
        let rels = package.rels(&plan.part)?;
        let mut new_rels = Vec::new();
        let had = sheet_comments(package, (n, plan), &rels, &mut names, &mut new_rels, changes)?;
        let boxes = had.iter().filter(|had| !**had).count();
        let first = block + 1;
        if boxes > 0 {
            block = first + boxes as u32 / 1024;
        }
        let existing = match &plan.scanned.legacy_drawing {
            Some(id) => Some(target(&rels, id).ok_or_else(|| format!("{}: no drawing {id}", plan.part))?),
            None => None,
        };
        match existing {
            _ if boxes == 0 => {}
            Some(vml) => {
                let xml = package.read(&vml)?;
                let cells: Vec<(u32, u16)> = (plan.marks.notes.iter().zip(&had))
                    .filter(|(_, had)| !**had)
                    .map(|(note, _)| (note.0, note.1))
                    .collect();
                let merged =
                    comments::merge_vml(&xml, &cells, first, &plan.scanned.grid).map_err(|e| format!("{vml}: {e}"))?;
                changes
                    .replaced
                    .insert(package.find(&vml).unwrap_or(&vml).to_string(), merged);
            }
            None => {
                let vml = names.next("xl/drawings/vmlDrawing", ".vml");
                let id = parts::new_id(&rels, &new_rels);
                plan.scanned.edits.push(legacy_drawing(&plan.scanned, &id));
                plan.scanned.edits.sort_by_key(|e| e.at);
                new_rels.push((id, parts::VML_DRAWING, vml.clone()));
                changes.vml.push(vml.clone());
                changes.added.push((vml, New::Drawing { plan: n, first, had }));
            }
        }
        sheet_rels(package, &plan.part, &new_rels, changes)?;
    }
    Ok(())
}

/// The sheet's notes in its comments part, its own or a new one; for each note, whether its cell
/// had a comment already.
fn sheet_comments(
    package: &mut Package,
    (n, plan): (usize, &SheetPlan),
    rels: &[Rel],
    names: &mut Names,
    new_rels: &mut Vec<(String, &'static str, String)>,
    changes: &mut Changes,
) -> Result<Vec<bool>, String> {
    let notes = &plan.marks.notes;
    let own = rels
        .iter()
        .find(|r| r.kind == parts::COMMENTS)
        .and_then(|r| r.target.clone());
    match own {
        Some(part) => {
            let xml = package.read(&part)?;
            let (merged, had) = comments::merge_comments(&xml, notes).map_err(|e| format!("{part}: {e}"))?;
            changes
                .replaced
                .insert(package.find(&part).unwrap_or(&part).to_string(), merged);
            Ok(had)
        }
        None => {
            let part = names.next("xl/comments", ".xml");
            new_rels.push((parts::new_id(rels, new_rels), parts::COMMENTS, part.clone()));
            changes.comments.push(part.clone());
            changes.added.push((part, New::Comments(n)));
            Ok(vec![false; notes.len()])
        }
    }
}

/// The part relationship `id` points to.
fn target(rels: &[Rel], id: &str) -> Option<String> {
    rels.iter().find(|r| r.id == id).and_then(|r| r.target.clone())
}

/// The sheet's `<legacyDrawing>` pointing to relationship `id`, where the schema puts it.
fn legacy_drawing(scanned: &Scanned, id: &str) -> Edit {
    let p = &scanned.prefix;
    let namespace = match scanned.r_bound {
        true => String::new(),
        false => format!(" xmlns:r=\"{}\"", xml::REL_NS),
    };
    Edit::insert(
        scanned.legacy_at,
        format!("<{p}legacyDrawing{namespace} r:id=\"{id}\"/>"),
    )
}

/// The sheet's relationships part with the new ones.
fn sheet_rels(
    package: &mut Package,
    part: &str,
    new_rels: &[(String, &str, String)],
    changes: &mut Changes,
) -> Result<(), String> {
    if new_rels.is_empty() {
        return Ok(());
    }
    let rels_part = parts::rels_part(part);
    match package.find(&rels_part).map(str::to_string) {
        Some(stored) => {
            let xml = package.read(&stored)?;
            let text = parts::with_rels(Some(&xml), new_rels).map_err(|e| format!("{stored}: {e}"))?;
            changes.replaced.insert(stored, text);
        }
        None => changes
            .added
            .push((rels_part, New::Bytes(parts::with_rels(None, new_rels)?))),
    }
    Ok(())
}

/// The copy, into `out`: the original's parts in order, those changed written again, the new ones
/// after.
fn write<W: Write + Seek>(
    original: &[u8],
    plans: &[SheetPlan],
    changes: &Changes,
    styles: &xml::Styles,
    out: W,
) -> Result<W, String> {
    let mut replaced: Vec<&str> = changes.replaced.keys().map(String::as_str).collect();
    replaced.extend(plans.iter().map(|p| p.part.as_str()));
    let added: Vec<&str> = changes.added.iter().map(|(name, _)| name.as_str()).collect();
    let parts = |name: &str, out: &mut dyn Write| {
        if let Some(plan) = plans.iter().find(|p| p.part == name) {
            return xml::apply(&plan.xml, &plan.scanned.edits, styles, out);
        }
        if let Some(bytes) = changes.replaced.get(name) {
            return out.write_all(bytes);
        }
        match changes.added.iter().find(|(n, _)| n == name) {
            Some((_, part)) => part.write(plans, out),
            None => Ok(()),
        }
    };
    crate::render::ooxml::rewrite_package_into(original, &replaced, &added, parts, out)
}
