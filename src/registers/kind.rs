//! The six register kinds of SPEC 1.4 and what a column is: its field, the type of its cells, its
//! aliases in English, Traditional and Simplified Chinese. Each register declares its columns in
//! a file of its own (`contracts.rs`…).
//!
//! Aliases are compared through [`crate::base::text::key`], so one spelling per script is enough and
//! Simplified spellings of a Traditional alias need not be listed; they are listed where staff
//! commonly use a different word.

use serde::Serialize;

use super::field::{AnyField, Field, Holds, Text, ValueType};

/// A register kind (SPEC 1.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Contracts,
    Amendments,
    Feedback,
    Guests,
    Visits,
    Callbacks,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Contracts,
        Kind::Amendments,
        Kind::Feedback,
        Kind::Guests,
        Kind::Visits,
        Kind::Callbacks,
    ];

    /// The name used in findings.json and settings.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Contracts => "contracts",
            Kind::Amendments => "amendments",
            Kind::Feedback => "feedback",
            Kind::Guests => "guests",
            Kind::Visits => "visits",
            Kind::Callbacks => "callbacks",
        }
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Kind::Contracts => super::contracts::COLUMNS,
            Kind::Amendments => super::amendments::COLUMNS,
            Kind::Feedback => super::feedback::COLUMNS,
            Kind::Guests => super::guests::COLUMNS,
            Kind::Visits => super::visits::COLUMNS,
            Kind::Callbacks => super::callbacks::COLUMNS,
        }
    }

    /// The field of a column by its canonical name (a name the settings give, say).
    pub fn any_field(self, name: &str) -> Option<AnyField> {
        self.columns().iter().find(|c| c.name == name).map(|c| c.field)
    }

    /// Index of a column by its canonical name.
    pub fn field(self, name: &str) -> Option<usize> {
        self.columns().iter().position(|c| c.name == name)
    }

    /// The column holding the record id shown in findings.
    pub fn id_field(self) -> Option<Field<Text>> {
        match self {
            Kind::Contracts => Some(super::contracts::ID),
            Kind::Feedback => Some(super::feedback::ID),
            Kind::Guests => Some(super::guests::GUEST_ID),
            _ => None,
        }
    }

    /// Columns that may stand in for a required one (visits: `name` when no guest id is kept).
    pub fn stand_in(self, field: AnyField) -> Option<AnyField> {
        (field == super::visits::GUEST_ID.any()).then_some(super::visits::NAME.any())
    }
}

/// How a column's cells are read (SPEC 1.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Date,
    /// A date, with the time of day when known.
    DateTime,
    Money,
    Flag,
    Integer,
    Phone,
    Enum(&'static [EnumValue]),
}

impl ColumnType {
    /// The type of value a cell of the column becomes.
    pub const fn value_type(self) -> ValueType {
        match self {
            ColumnType::Text => ValueType::Text,
            ColumnType::Date | ColumnType::DateTime => ValueType::Date,
            ColumnType::Money => ValueType::Money,
            ColumnType::Flag => ValueType::Flag,
            ColumnType::Integer => ValueType::Int,
            ColumnType::Phone => ValueType::Phone,
            ColumnType::Enum(_) => ValueType::Code,
        }
    }

    /// A short name of the type for messages and templates.
    pub fn name(self) -> &'static str {
        match self {
            ColumnType::Text => "text",
            ColumnType::Date => "date",
            ColumnType::DateTime => "datetime",
            ColumnType::Money => "money",
            ColumnType::Flag => "flag",
            ColumnType::Integer => "integer",
            ColumnType::Phone => "phone",
            ColumnType::Enum(_) => "enum",
        }
    }
}

/// One value of an enum column: its canonical code and the words staff write for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnumValue {
    pub code: &'static str,
    pub aliases: &'static [&'static str],
}

/// One column of a register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Canonical English name (SPEC 1.4), also the field name in findings.
    pub name: &'static str,
    /// The field the column's cells fill.
    pub field: AnyField,
    pub required: bool,
    pub ty: ColumnType,
    /// Header words in English, Traditional and Simplified Chinese. The first Traditional alias is
    /// the column's Chinese label.
    pub aliases: &'static [&'static str],
}

/// The column of `field`; a column type that does not give the field's type of value does not
/// compile.
pub const fn col<T: Holds>(
    field: Field<T>,
    required: bool,
    ty: ColumnType,
    aliases: &'static [&'static str],
) -> Column {
    assert!(
        ty.value_type() as u8 == T::TYPE as u8,
        "a column's type gives its field's values"
    );
    Column {
        name: field.name(),
        field: field.any(),
        required,
        ty,
        aliases,
    }
}

/// `columns`, once checked to be `kind`'s fields in order: the field at index i is column i.
pub const fn checked(kind: Kind, columns: &'static [Column]) -> &'static [Column] {
    let mut i = 0;
    while i < columns.len() {
        let field = columns[i].field;
        assert!(field.index() == i, "a register's fields are numbered in column order");
        assert!(field.kind as u8 == kind as u8, "a register's fields are its own");
        i += 1;
    }
    assert!(columns.len() <= 64, "a record marks its columns in 64 bits");
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::text::key;
    use std::collections::HashMap;

    /// Two columns of one kind answering to the same header would make recognition depend on order.
    #[test]
    fn no_alias_is_shared_by_two_columns_of_a_kind() {
        for kind in Kind::ALL {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for column in kind.columns() {
                for word in column.aliases.iter().chain(std::iter::once(&column.name)) {
                    let k = key(word);
                    if let Some(other) = seen.insert(k.clone(), column.name) {
                        assert_eq!(
                            other,
                            column.name,
                            "{}: `{word}` used by {other} and {}",
                            kind.id(),
                            column.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn no_enum_word_means_two_values() {
        use crate::registers::{contracts as c, feedback as f, guests as g};
        for list in [
            c::DOCUMENT_TYPES,
            c::PRODUCT_CATEGORIES,
            c::REVIEW_METHODS,
            c::APPROVER_ROLES,
            c::OUTCOMES,
            f::CHANNELS,
            f::FEEDBACK_KINDS,
            g::GUEST_CLASSES,
        ] {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for value in list {
                for word in value.aliases.iter().chain(std::iter::once(&value.code)) {
                    if let Some(other) = seen.insert(key(word), value.code) {
                        assert_eq!(other, value.code, "`{word}`");
                    }
                }
            }
        }
    }
}
