//! Typed errors of the core. Each names the input, entry or request field it is about, so hosts can
//! word it in their own configuration terms; [`Error::to_model`] is its form on the WIT boundary.

use crate::model::{ErrorCode, PackError};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// A request field is missing or invalid.
    #[error("invalid `{field}`: {reason}")]
    InvalidField { field: String, reason: String },

    /// An input is not a readable zip/jar.
    #[error("{input} is not a valid jar (zip) file: {reason}")]
    NotAZip { input: String, reason: String },

    /// An entry of an input is unusable (unsafe name, unreadable data, duplicate).
    #[error("{input}: entry `{entry}` {reason}")]
    BadEntry { input: String, entry: String, reason: String },

    /// The start class could not be decided.
    #[error("{reason}")]
    MainClass { input: String, reason: String },

    /// Two inputs want the same output entry.
    #[error("duplicate entry `{entry}`: {reason}")]
    Duplicate { entry: String, reason: String },

    /// A slimming configuration file is wrong (`line` when one can be named).
    #[error("{file}{}: {reason}", line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Config { file: String, line: Option<u32>, reason: String },

    /// Slimming checks failed where the request asks for a failure.
    #[error("slimming check failed: {reason}")]
    Slimming { reason: String },

    /// A bug in arkpack.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    pub fn field(field: &str, reason: impl Into<String>) -> Self {
        Error::InvalidField { field: field.into(), reason: reason.into() }
    }

    pub fn entry(input: &str, entry: &str, reason: impl Into<String>) -> Self {
        Error::BadEntry { input: input.into(), entry: entry.into(), reason: reason.into() }
    }

    pub fn not_a_zip(input: &str, reason: impl std::fmt::Display) -> Self {
        Error::NotAZip { input: input.into(), reason: reason.to_string() }
    }

    /// The error as it crosses the WIT boundary.
    pub fn to_model(&self) -> PackError {
        let (code, input, field) = match self {
            Error::InvalidField { field, .. } => (ErrorCode::InvalidRequest, None, Some(field.clone())),
            Error::NotAZip { input, .. } => (ErrorCode::InvalidInput, Some(input.clone()), None),
            Error::BadEntry { input, .. } => (ErrorCode::InvalidInput, Some(input.clone()), None),
            Error::MainClass { input, .. } => (ErrorCode::MainClass, Some(input.clone()), Some("main-class".into())),
            Error::Duplicate { entry, .. } => (ErrorCode::DuplicateEntry, Some(entry.clone()), None),
            Error::Config { file, line, .. } => (ErrorCode::InvalidRequest, Some(file.clone()), Some(match line {
                Some(l) => format!("{file} line {l}"),
                None => file.clone(),
            })),
            Error::Slimming { .. } => (ErrorCode::SlimmingCheck, None, None),
            Error::Internal(_) => (ErrorCode::Internal, None, None),
        };
        PackError { code, message: self.to_string(), input, field }
    }
}
