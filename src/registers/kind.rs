//! The six register kinds of SPEC 1.4.

use serde::Serialize;

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
}
