//! The workbook as a package of parts (ECMA-376 part 2): its parts by name, the relationships
//! between them, their content types, and where the workbook's sheets and styles are.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::xml::{escaped, prefix_of, value, Edit, Ev, Events};

/// The relationship types clerk looks for and adds (the transitional ones; a strict package is
/// not patched).
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
pub(super) const COMMENTS: &str = "comments";
pub(super) const VML_DRAWING: &str = "vmlDrawing";
pub(super) const COMMENTS_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
pub(super) const VML_TYPE: &str = "application/vnd.openxmlformats-officedocument.vmlDrawing";

/// A workbook's package, opened for reading its parts.
pub(super) struct Package<'b> {
    zip: ZipArchive<Cursor<&'b [u8]>>,
    /// Each part's name as stored, by its name in lower case (part names ignore case).
    names: BTreeMap<String, String>,
}

/// A relationship of a part.
#[derive(Clone, Debug)]
pub(super) struct Rel {
    pub(super) id: String,
    /// The type's last word (`worksheet`, `comments`…).
    pub(super) kind: String,
    /// The part it points to, by its name in the package (none for an outside target).
    pub(super) target: Option<String>,
}

/// Where a workbook's parts are.
pub(super) struct Workbook {
    /// Each worksheet's name and part.
    pub(super) sheets: Vec<(String, String)>,
    pub(super) styles: String,
}

impl<'b> Package<'b> {
    pub(super) fn open(bytes: &'b [u8]) -> Result<Package<'b>, String> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        let names = (zip.file_names())
            .filter_map(Result::ok)
            .map(|name| (name.to_ascii_lowercase(), name.to_string()))
            .collect();
        Ok(Package { zip, names })
    }

    /// The part's name as stored.
    pub(super) fn find(&self, part: &str) -> Option<&str> {
        self.names.get(&part.to_ascii_lowercase()).map(String::as_str)
    }

    pub(super) fn has(&self, part: &str) -> bool {
        self.find(part).is_some()
    }

    /// Every part's name as stored.
    pub(super) fn parts(&self) -> impl Iterator<Item = &str> {
        self.names.values().map(String::as_str)
    }

    pub(super) fn read(&mut self, part: &str) -> Result<Vec<u8>, String> {
        let name = self.find(part).ok_or_else(|| format!("no part {part}"))?.to_string();
        let mut entry = self.zip.by_name(&name).map_err(|e| format!("{name}: {e}"))?;
        let mut bytes = Vec::with_capacity(entry.size().min(1 << 30) as usize);
        entry.read_to_end(&mut bytes).map_err(|e| format!("{name}: {e}"))?;
        Ok(bytes)
    }

    /// The relationships of `part` (none without a relationships part).
    pub(super) fn rels(&mut self, part: &str) -> Result<Vec<Rel>, String> {
        let rels_part = rels_part(part);
        if !self.has(&rels_part) {
            return Ok(Vec::new());
        }
        let xml = self.read(&rels_part)?;
        let mut events = Events::new(&xml);
        let mut rels = Vec::new();
        while let Some((ev, name, ..)) = events.next().map_err(|e| format!("{rels_part}: {e}"))? {
            let Ev::Open { tag, empty } = ev else { continue };
            if events.depth == 1 && name == b"Relationship" {
                let kind = value(&tag, "Type").unwrap_or_default();
                let outside = value(&tag, "TargetMode").is_some_and(|m| m == "External");
                let target = value(&tag, "Target").filter(|_| !outside).map(|t| resolve(part, &t));
                rels.push(Rel {
                    id: value(&tag, "Id").unwrap_or_default(),
                    kind: kind.rsplit('/').next().unwrap_or_default().to_string(),
                    target,
                });
            }
            if !empty {
                events.enter();
            }
        }
        Ok(rels)
    }

    /// Where the workbook's sheets and styles are; none for a package that is no workbook of
    /// XML parts (xlsb, ods).
    pub(super) fn workbook(&mut self) -> Result<Option<Workbook>, String> {
        if !self.has("_rels/.rels") || !self.has("[Content_Types].xml") {
            return Ok(None);
        }
        let rels = self.rels("")?;
        let Some(main) = rels.iter().find(|r| r.kind == "officeDocument") else {
            return Ok(None);
        };
        let Some(part) = main.target.clone().filter(|t| t.ends_with(".xml")) else {
            return Ok(None);
        };
        let rels_xml = self.read(&rels_part(""))?;
        if !String::from_utf8_lossy(&rels_xml).contains(RELATIONSHIPS) {
            return Err("not a transitional Office Open XML package".into());
        }
        let book_rels = self.rels(&part)?;
        let xml = self.read(&part)?;
        let sheets = sheet_ids(&xml).map_err(|e| format!("{part}: {e}"))?;
        let part_of = |id: &str, kind: &str| {
            (book_rels.iter())
                .find(|r| r.id == id && r.kind == kind)
                .and_then(|r| r.target.clone())
        };
        let sheets = (sheets.into_iter())
            .filter_map(|(name, id)| Some((name, part_of(&id, "worksheet")?)))
            .collect();
        let styles = (book_rels.iter())
            .find(|r| r.kind == "styles")
            .and_then(|r| r.target.clone())
            .ok_or("no styles")?;
        Ok(Some(Workbook { sheets, styles }))
    }
}

/// Each `<sheet>` of a workbook's XML: its name and relationship id.
fn sheet_ids(xml: &[u8]) -> Result<Vec<(String, String)>, String> {
    let mut events = Events::new(xml);
    let mut sheets = Vec::new();
    while let Some((ev, name, ..)) = events.next()? {
        let Ev::Open { tag, empty } = ev else { continue };
        if events.depth == 2 && name == b"sheet" {
            let id = super::xml::relationship_id(&tag, "id").unwrap_or_default();
            sheets.push((value(&tag, "name").unwrap_or_default(), id));
        }
        if !empty {
            events.enter();
        }
    }
    Ok(sheets)
}

/// The relationships part of `part` (`xl/worksheets/_rels/sheet1.xml.rels`; `_rels/.rels` for
/// the package's own).
pub(super) fn rels_part(part: &str) -> String {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    match dir {
        "" => format!("_rels/{file}.rels"),
        dir => format!("{dir}/_rels/{file}.rels"),
    }
}

/// The part a relationship of `source` points to by `target` (relative to the source's folder,
/// or from the package's root when it starts with `/`).
pub(super) fn resolve(source: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => source
            .rsplit_once('/')
            .map_or(Vec::new(), |(dir, _)| dir.split('/').collect()),
    };
    for step in target.trim_start_matches('/').split('/') {
        match step {
            "" | "." => {}
            ".." => drop(parts.pop()),
            step => parts.push(step),
        }
    }
    parts.join("/")
}

/// New names of parts, none already in the package or given before.
pub(super) struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    pub(super) fn new(package: &Package) -> Names {
        Names {
            taken: package.parts().map(str::to_ascii_lowercase).collect(),
        }
    }

    /// `{stem}{n}{ending}` with the first free `n` from 1.
    pub(super) fn next(&mut self, stem: &str, ending: &str) -> String {
        let name = (1..)
            .map(|n| format!("{stem}{n}{ending}"))
            .find(|name| !self.taken.contains(&name.to_ascii_lowercase()))
            .unwrap_or_default();
        self.taken.insert(name.to_ascii_lowercase());
        name
    }
}

/// A part's relationships with new ones added: the part's new text.
pub(super) fn with_rels(xml: Option<&[u8]>, added: &[(String, &str, String)]) -> Result<Vec<u8>, String> {
    let mut text = String::new();
    for (id, kind, target) in added {
        text.push_str(&format!(
            "<Relationship Id=\"{id}\" Type=\"{RELATIONSHIPS}{kind}\" Target=\"{}\"/>",
            escaped(&format!("/{target}"))
        ));
    }
    let Some(xml) = xml else {
        return Ok(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{text}</Relationships>"
        )
        .into_bytes());
    };
    let (end, prefix) = root_end(xml)?;
    let text = text.replace("<Relationship ", &format!("<{prefix}Relationship "));
    Ok(super::xml::applied(xml, &[Edit::insert(end, text)]))
}

/// A relationship id of a part not given yet (`rId1`, `rId2`…).
pub(super) fn new_id(existing: &[Rel], added: &[(String, &str, String)]) -> String {
    (1..)
        .map(|n| format!("rId{n}"))
        .find(|id| !existing.iter().any(|r| &r.id == id) && !added.iter().any(|a| &a.0 == id))
        .unwrap_or_default()
}

/// `[Content_Types].xml` with the content types of the new comments parts and of VML drawings.
pub(super) fn with_content_types(xml: &[u8], comments: &[String], vml: &[String]) -> Result<Vec<u8>, String> {
    let (mut defaults, mut overrides) = (BTreeSet::new(), BTreeSet::new());
    let mut events = Events::new(xml);
    while let Some((ev, name, ..)) = events.next()? {
        let Ev::Open { tag, empty } = ev else { continue };
        match name {
            b"Default" => drop(defaults.insert(value(&tag, "Extension").unwrap_or_default().to_ascii_lowercase())),
            b"Override" => drop(overrides.insert(value(&tag, "PartName").unwrap_or_default().to_ascii_lowercase())),
            _ => {}
        }
        if !empty {
            events.enter();
        }
    }
    let (end, p) = root_end(xml)?;
    let mut text = String::new();
    if !vml.is_empty() && !defaults.contains("vml") {
        text.push_str(&format!("<{p}Default Extension=\"vml\" ContentType=\"{VML_TYPE}\"/>"));
    }
    for part in comments
        .iter()
        .filter(|c| !overrides.contains(&format!("/{c}").to_ascii_lowercase()))
    {
        text.push_str(&format!(
            "<{p}Override PartName=\"/{}\" ContentType=\"{COMMENTS_TYPE}\"/>",
            escaped(part)
        ));
    }
    if !defaults.contains("rels") {
        text.push_str(&format!(
            "<{p}Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        ));
    }
    Ok(super::xml::applied(xml, &[Edit::insert(end, text)]))
}

/// Where the root element of `xml` ends (its end tag), and its prefix.
fn root_end(xml: &[u8]) -> Result<(usize, String), String> {
    let mut events = Events::new(xml);
    let mut prefix = None;
    while let Some((ev, _, start, _)) = events.next()? {
        match ev {
            Ev::Open { tag, empty } if events.depth == 0 => {
                if empty {
                    return Err("an empty root".into());
                }
                prefix = Some(prefix_of(&tag));
                events.enter();
            }
            Ev::Open { empty: false, .. } => events.enter(),
            Ev::Close if events.depth == 0 => return Ok((start, prefix.unwrap_or_default())),
            _ => {}
        }
    }
    Err("no root element".into())
}
