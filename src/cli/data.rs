//! The data commands: `outline`, `show`, `stats`, `import`.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::export::{self, StatFormat};
use crate::model::Report;

/// Write to stdout; a closed pipe (`| head`) ends quietly instead of panicking.
pub fn print(text: &str) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io(Path::new("stdout"), e))
        }
        _ => Ok(0),
    }
}

fn json(value: &impl serde::Serialize) -> Result<String> {
    Ok(serde_json::to_string_pretty(value)? + "\n")
}

pub fn outline(reports: &[Report], as_json: bool) -> Result<i32> {
    if as_json {
        print(&json(&export::outline_json(reports))?)
    } else {
        print(&export::outline_text(reports))
    }
}

/// With several reports open, the section of each report that has it, each under a
/// `== title ==` line, so years or districts can be compared.
pub fn show(reports: &[Report], id: &str, as_json: bool) -> Result<i32> {
    let mut texts = Vec::new();
    let mut values = Vec::new();
    for r in reports {
        let Some(found) = crate::section_ref::resolve(r, id) else {
            continue;
        };
        if found == "intro" {
            texts.push((r, format!("{}\n", r.preamble)));
            values.push(serde_json::to_value(&r.intro)?);
        } else if let Some(s) = r.find_section(&found) {
            texts.push((r, export::show_text(s)));
            values.push(serde_json::to_value(s)?);
        }
    }
    if texts.is_empty() {
        return Err(Error::UnknownSection(id.to_string()));
    }
    if as_json {
        return match values.len() {
            1 => print(&json(&values[0])?),
            _ => print(&json(&values)?),
        };
    }
    let many = reports.len() > 1;
    let out: String = texts
        .into_iter()
        .map(|(r, t)| {
            if many {
                format!("== {} ==\n{t}", r.title)
            } else {
                t
            }
        })
        .collect();
    print(&out)
}

/// `section` as a reader names it (`六`, `四(三)`, `4.3`); it resolves to the id of the
/// first report that has it, and reports share their numbering.
pub fn stats(reports: &[Report], section: Option<&str>, format: StatFormat) -> Result<i32> {
    let id = match section {
        Some(given) => Some(
            reports
                .iter()
                .find_map(|r| crate::section_ref::resolve(r, given))
                .ok_or_else(|| Error::UnknownSection(given.to_string()))?,
        ),
        None => None,
    };
    let rows = export::stat_rows(reports, id.as_deref());
    print(&export::stats(&rows, format, reports.len() > 1))
}

/// `import FILE [-o OUT] [--labels FILE]`: the input is read like any report (regular
/// files only, size capped); the output never replaces the input and is never left
/// half-written.
pub fn import(file: &Path, output: Option<&Path>, labels: Option<&Path>) -> Result<i32> {
    let bytes = crate::load::read_report_file(file)?;
    let title = crate::load::fallback_title(file);
    let name = crate::sanitize::name(file);
    let mut report = crate::import::import_bytes(&bytes, &title).map_err(|e| e.in_file(&name))?;
    if crate::import::is_unnumbered(&report) {
        super::say(&format!("{name}: {}", crate::import::UNNUMBERED_WARNING));
    }
    if let Some(l) = labels {
        let text = String::from_utf8_lossy(&crate::load::read_report_file(l)?).into_owned();
        crate::import::Labels::from_json(&text)
            .and_then(|labels| labels.apply(&mut report))
            .map_err(|e| e.in_file(crate::sanitize::name(l)))?;
    }
    let text = json(&report)?;
    match output {
        Some(out) => {
            refuse_same_file(file, out)?;
            write_atomically(out, text.as_bytes())?;
            Ok(0)
        }
        None => print(&text),
    }
}

/// The same file by device and inode, whatever the names (a hard link, a symlink,
/// `./a.txt` for `a.txt`).
#[cfg(unix)]
fn refuse_same_file(input: &Path, output: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let (Ok(a), Ok(b)) = (std::fs::metadata(input), std::fs::metadata(output)) else {
        // The output does not exist yet (or cannot be read): it is not the input.
        return Ok(());
    };
    if (a.dev(), a.ino()) == (b.dev(), b.ino()) {
        return Err(Error::SameFile {
            output: crate::sanitize::name(output),
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn refuse_same_file(input: &Path, output: &Path) -> Result<()> {
    match (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
        (Ok(a), Ok(b)) if a == b => Err(Error::SameFile {
            output: crate::sanitize::name(output),
        }),
        _ => Ok(()),
    }
}

/// Write to a new temporary file beside `out`, then rename it into place: a failed or
/// interrupted write leaves `out` as it was, and no half-written JSON anywhere. An output
/// that is a device, FIFO or socket (`-o /dev/null`, `-o /dev/stdout`, a named pipe) is
/// written to as it is: renaming over it replaced the device itself with a file (for root,
/// `/dev/null` for every program). A symlink to a file keeps pointing at it: the file it
/// points to is replaced.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let target = match std::fs::metadata(out) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(out)
                .map_err(|source| Error::io(out, source))?;
            return f.write_all(bytes).map_err(|source| Error::io(out, source));
        }
        Ok(meta) if meta.is_file() => std::fs::canonicalize(out).ok(),
        _ => None,
    };
    let dest = target.as_deref().unwrap_or(out);
    let folder = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let stem = dest
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temp = folder.join(format!(".{stem}.{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, dest));
    written.map_err(|source| {
        let _ = std::fs::remove_file(&temp);
        Error::io(out, source)
    })
}

/// Most synthetic reports `gen-corpus` writes: a thousand times the largest corpus any
/// benchmark uses.
pub const MAX_CORPUS: usize = 1_000_000;

/// One plain-text file per variant, named `0001-沙头-2019.txt`; the title line is written
/// so each report opens under its own title. Variants are made and written one at a time,
/// so memory does not grow with N.
pub fn gen_corpus(count: usize, folder: &Path) -> Result<i32> {
    if count > MAX_CORPUS {
        return Err(Error::TooManyReports {
            count,
            limit: MAX_CORPUS,
        });
    }
    let io = |source| Error::io(folder, source);
    std::fs::create_dir_all(folder).map_err(io)?;
    let base = crate::embedded::report()?;
    for i in 0..count {
        let mut r = crate::search::corpus::variant(&base, i);
        r.title_supplied = false;
        let place: String = r.title.chars().take(2).collect();
        let name = format!("{:04}-{place}-{}.txt", i + 1, r.year().unwrap_or("0000"));
        std::fs::write(folder.join(name), crate::rebuild::rebuild(&r)).map_err(io)?;
    }
    Ok(0)
}

/// `cache info` lists the cache folder's entries; `cache clear` empties it.
pub fn cache(action: super::CacheAction) -> Result<i32> {
    let Some(dir) = crate::cache::dir() else {
        return print("no cache folder: no home directory was found\n");
    };
    match action {
        super::CacheAction::Info => {
            let entries = crate::cache::info(&dir);
            let total: u64 = entries.iter().map(|(_, size)| size).sum();
            let mut text = format!(
                "{}\n{} entries, {} bytes (format {}, models format {})\n",
                dir.display(),
                entries.len(),
                total,
                crate::cache::FORMAT,
                crate::cache::MODELS_FORMAT
            );
            for (name, size) in entries {
                text.push_str(&format!("{size:>12}  {name}\n"));
            }
            print(&text)
        }
        super::CacheAction::Clear => {
            let removed = crate::cache::clear(&dir)?;
            print(&format!(
                "removed {removed} entries from {}\n",
                dir.display()
            ))
        }
    }
}
