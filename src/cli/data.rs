//! The data commands: `outline`, `show`, `stats`, `import`.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::export::{self, StatFormat};
use crate::model::Report;

/// Write to stdout; a closed pipe (`| head`) ends quietly instead of panicking.
fn print(text: &str) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: "stdout".into(),
            source: e,
        }),
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
        if matches!(id, "intro" | "preamble") {
            texts.push((r, format!("{}\n", r.preamble)));
            values.push(serde_json::to_value(&r.intro)?);
        } else if let Some(s) = r.find_section(id) {
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

pub fn stats(reports: &[Report], section: Option<&str>, format: StatFormat) -> Result<i32> {
    if let Some(id) = section {
        if !reports.iter().any(|r| r.find_section(id).is_some()) {
            return Err(Error::UnknownSection(id.to_string()));
        }
    }
    let rows = export::stat_rows(reports, section);
    print(&export::stats(&rows, format, reports.len() > 1))
}

pub fn import(file: &Path, output: Option<&Path>) -> Result<i32> {
    let path = file.display().to_string();
    let bytes = std::fs::read(file).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let report = crate::import::import_bytes(&bytes, &stem).map_err(|e| e.in_file(&path))?;
    let text = json(&report)?;
    match output {
        Some(out) => std::fs::write(out, text)
            .map(|_| 0)
            .map_err(|source| Error::Io {
                path: out.display().to_string(),
                source,
            }),
        None => print(&text),
    }
}

/// One plain-text file per variant, named `0001-沙头-2019.txt`; the title line is written
/// so each report opens under its own title.
pub fn gen_corpus(count: usize, folder: &Path) -> Result<i32> {
    let io = |source| Error::Io {
        path: folder.display().to_string(),
        source,
    };
    std::fs::create_dir_all(folder).map_err(io)?;
    let base = crate::embedded::report()?;
    for (i, mut r) in crate::search::corpus::generate(&base, count)
        .into_iter()
        .enumerate()
    {
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
                "{}\n{} entries, {} bytes (format {})\n",
                dir.display(),
                entries.len(),
                total,
                crate::cache::FORMAT
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
