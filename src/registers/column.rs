//! What a column is: the field it fills, the type of its cells, its header words in English,
//! Traditional and Simplified Chinese. Each register declares its columns in a file of its own
//! (`contracts.rs`…).
//!
//! Aliases are compared through [`crate::base::text::key`], so one spelling per script is enough and
//! Simplified spellings of a Traditional alias need not be listed; they are listed where staff
//! commonly use a different word.

use super::field::{AnyField, Field, Holds, ValueType};
use super::kind::Kind;

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
    assert!(columns.len() <= 32, "a record marks its columns in 32 bits");
    columns
}
