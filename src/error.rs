//! Typed errors of the library; each message reads as a sentence a user can act on.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("the file is empty")]
    Empty,
    #[error("no numbered sections (一、 二、 …) were found")]
    NoSections,
    #[error("not UTF-8 text: invalid byte at offset {offset}")]
    NotUtf8 { offset: usize },
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("no section or sub-item with id {0:?} (`report-tui outline` lists them)")]
    UnknownSection(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    InFile { path: String, source: Box<Error> },
}

impl Error {
    /// Attach the file name, so a message names what to fix.
    pub fn in_file(self, path: impl Into<String>) -> Error {
        Error::InFile {
            path: path.into(),
            source: Box::new(self),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        let message = e.to_string();
        // serde_json appends " at line L column C"; we report those as fields.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        Error::Json {
            line: e.line(),
            column: e.column(),
            message,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
