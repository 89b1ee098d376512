//! Typed errors of the library; each message reads as a sentence a user can act on.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("the file is empty")]
    Empty,
    #[error("no numbered sections (一、 二、 …) were found")]
    NoSections,
    #[error("not UTF-8 text: invalid byte at offset {offset} (line {line}, column {column})")]
    NotUtf8 {
        offset: usize,
        line: usize,
        column: usize,
    },
    /// `message` starts with what went wrong: `malformed JSON` or `not a report model`.
    #[error("{message} at line {line}, column {column}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("`import` takes its file as an argument, not through --report")]
    ImportWithReport,
    #[error("no report could be opened")]
    NothingOpened,
    #[error("{0}: no .txt or .json reports in this folder")]
    NoReportsInFolder(String),
    #[error("larger than the {limit}-byte limit ({size} bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("larger than the {limit}-byte limit")]
    TooLargeWhileReading { limit: u64 },
    /// A device, FIFO, socket or folder where a report file was expected.
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    /// A JSON model whose structure does not hold together; `id` is the first bad one.
    #[error("not a valid report model: {id:?} {reason}")]
    InvalidModel { id: String, reason: String },
    #[error("nested deeper than {limit} levels at line {line}, column {column}")]
    TooDeep {
        limit: usize,
        line: usize,
        column: usize,
    },
    #[error("{output}: is the input file itself; choose another output")]
    SameFile { output: String },
    #[error("reading this file crashed the reader; the other files are unaffected")]
    ReaderCrashed,
    /// Reports imported but lost to a crash while indexing them (a bug), so a search
    /// never passes over them silently.
    #[error("{0} reports could not be indexed (an internal error); their hits are missing")]
    NotIndexed(usize),
    #[error("at most {limit} synthetic reports, not {count}")]
    TooManyReports { count: usize, limit: usize },
    #[error("no section or sub-item {0:?} (give it as `6`, `六`, `4.3` or `四(三)`; `report-tui outline` lists them)")]
    UnknownSection(String),
    #[error("compare needs at least two reports (give --report twice, a folder, or @embedded)")]
    TooFewReports,
    #[error("{path}:{line}: {message}")]
    Aliases {
        path: String,
        line: usize,
        message: String,
    },
    #[error("labels: no statistic with id {0:?} (`report-tui stats` lists them)")]
    UnknownStatistic(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{}", in_file_message(path, source))]
    InFile { path: String, source: Box<Error> },
    /// An error as the files gave it when they were last read, kept in the models cache:
    /// their bytes are unchanged, so it stands.
    #[error("{0}")]
    Reported(String),
}

impl Error {
    /// The error for bytes that are not UTF-8, with where the first bad byte is.
    pub fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> Error {
        let offset = e.valid_up_to();
        let before = &bytes[..offset];
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        // The prefix is valid UTF-8 by definition, so columns count characters.
        let column =
            std::str::from_utf8(&before[line_start..]).map_or(0, |s| s.chars().count()) + 1;
        Error::NotUtf8 {
            offset,
            line: before.iter().filter(|b| **b == b'\n').count() + 1,
            column,
        }
    }

    /// Attach the file name, so a message names what to fix. The name is untrusted: it is
    /// made one terminal-safe line here.
    pub fn in_file(self, path: impl Into<String>) -> Error {
        Error::InFile {
            path: crate::sanitize::one_line(&path.into()),
            source: Box::new(self),
        }
    }

    /// An I/O error about `path`, its name made one terminal-safe line.
    pub fn io(path: &std::path::Path, source: std::io::Error) -> Error {
        Error::Io {
            path: crate::sanitize::name(path),
            source,
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        let message = e.to_string();
        // serde_json appends " at line L column C"; we report those as fields.
        let detail = match message.rfind(" at line ") {
            Some(i) => &message[..i],
            None => &message,
        };
        // A well-formed JSON of the wrong shape is a different mistake from a broken file.
        let what = match e.classify() {
            serde_json::error::Category::Data => "not a report model",
            _ => "malformed JSON",
        };
        let message = format!("{what}: {detail}");
        Error::Json {
            line: e.line(),
            column: e.column(),
            message,
        }
    }
}

/// `file:line:column: message` for JSON errors (editors jump there), `file: message` else.
fn in_file_message(path: &str, source: &Error) -> String {
    match source {
        Error::Json {
            line,
            column,
            message,
        } => format!("{path}:{line}:{column}: {message}"),
        other => format!("{path}: {other}"),
    }
}

pub type Result<T> = std::result::Result<T, Error>;
