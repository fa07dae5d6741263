//! Typed access to a record's fields. Each register declares its fields as constants
//! (`contracts::COMMITMENT_DATE`), each knowing its register, its column and the type of value it
//! holds: a misspelt field does not compile, and a date field cannot be read as text.

use std::marker::PhantomData;

use super::kind::Kind;

/// The type of value a field holds, as its column is read (SPEC 1.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueType {
    Text,
    /// A date, or a date-time where the column keeps the time of day.
    Date,
    Money,
    Flag,
    Int,
    Phone,
    /// One of the column's options, by its code.
    Code,
}

/// What a field of type `T` holds; implemented by the marker types below.
pub trait Holds {
    const TYPE: ValueType;
}

/// Marker types of [`Field`].
pub struct Text;
pub struct Date;
pub struct Money;
pub struct Flag;
pub struct Int;
pub struct Phone;
pub struct Code;

impl Holds for Text {
    const TYPE: ValueType = ValueType::Text;
}
impl Holds for Date {
    const TYPE: ValueType = ValueType::Date;
}
impl Holds for Money {
    const TYPE: ValueType = ValueType::Money;
}
impl Holds for Flag {
    const TYPE: ValueType = ValueType::Flag;
}
impl Holds for Int {
    const TYPE: ValueType = ValueType::Int;
}
impl Holds for Phone {
    const TYPE: ValueType = ValueType::Phone;
}
impl Holds for Code {
    const TYPE: ValueType = ValueType::Code;
}

/// A field of a register, holding values of type `T`.
pub struct Field<T> {
    any: AnyField,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Field<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Field<T> {}

impl<T> std::fmt::Debug for Field<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.any.fmt(f)
    }
}

impl<T: Holds> Field<T> {
    /// Field `index` of `kind`'s columns, called `name`. Each register's column table checks,
    /// when the crate is compiled, that its fields stand at their index with their name and type.
    pub const fn new(kind: Kind, index: u8, name: &'static str) -> Field<T> {
        Field {
            any: AnyField {
                kind,
                index,
                name,
                ty: T::TYPE,
            },
            ty: PhantomData,
        }
    }
}

impl<T> Field<T> {
    pub const fn any(self) -> AnyField {
        self.any
    }
    pub const fn kind(self) -> Kind {
        self.any.kind
    }
    pub const fn index(self) -> usize {
        self.any.index as usize
    }
    /// The canonical column name (SPEC 1.4), as findings.json names the field.
    pub const fn name(self) -> &'static str {
        self.any.name
    }
}

/// A field whatever the type of its values: for what is told of any field (blank, unreadable,
/// where its cell is).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AnyField {
    pub kind: Kind,
    index: u8,
    pub name: &'static str,
    pub ty: ValueType,
}

impl AnyField {
    pub const fn index(self) -> usize {
        self.index as usize
    }
}

impl<T> From<Field<T>> for AnyField {
    fn from(field: Field<T>) -> AnyField {
        field.any
    }
}
