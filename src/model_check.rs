//! `Report::validate`: a JSON model from elsewhere must hold together before anything walks
//! it. Serde checks the shape; this checks what the rest of the code relies on: ids unique
//! and nested under their parents (the tree and breadcrumbs follow ids), figure offsets
//! inside their paragraph and on character boundaries (highlighting slices by them),
//! quotes inside their paragraph, and a statistic's measure present.

use std::collections::HashSet;

use crate::error::Error;
use crate::model::{Paragraph, Report, Section};

impl Report {
    /// The first thing that does not hold, as an error naming the id where it was found.
    pub fn validate(&self) -> Result<(), Error> {
        let mut seen = HashSet::new();
        for p in &self.intro {
            paragraph(p, "intro", &mut seen)?;
        }
        for s in &self.sections {
            section(s, None, &mut seen)?;
        }
        Ok(())
    }
}

fn bad(id: &str, reason: &str) -> Error {
    Error::InvalidModel {
        id: id.to_string(),
        reason: reason.to_string(),
    }
}

/// The id once in the whole model.
fn unique<'a>(id: &'a str, seen: &mut HashSet<&'a str>) -> Result<(), Error> {
    if id.is_empty() {
        return Err(bad(id, "is empty"));
    }
    if !seen.insert(id) {
        return Err(bad(id, "appears twice"));
    }
    Ok(())
}

/// `id` is `parent.` followed by one more part (no further dot).
fn nested(id: &str, parent: &str) -> bool {
    id.strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|part| !part.is_empty() && !part.contains('.'))
}

/// Sections nest at most this deep (the importer knows three levels; the JSON nesting
/// limit allows about forty).
const MAX_DEPTH: usize = 32;

fn section<'a>(
    s: &'a Section,
    parent: Option<&str>,
    seen: &mut HashSet<&'a str>,
) -> Result<(), Error> {
    unique(&s.id, seen)?;
    let placed = match parent {
        None => !s.id.contains('.') && s.id != "intro",
        Some(p) => nested(&s.id, p),
    };
    if !placed {
        return Err(bad(&s.id, "is not nested under its parent section"));
    }
    if s.id.split('.').count() > MAX_DEPTH {
        return Err(bad(&s.id, "is nested too deep"));
    }
    for p in &s.paragraphs {
        paragraph(p, &s.id, seen)?;
    }
    for sub in &s.subsections {
        section(sub, Some(&s.id), seen)?;
    }
    Ok(())
}

fn paragraph<'a>(p: &'a Paragraph, node: &str, seen: &mut HashSet<&'a str>) -> Result<(), Error> {
    unique(&p.id, seen)?;
    if !nested(&p.id, node) {
        return Err(bad(&p.id, "is not nested under its section"));
    }
    for m in &p.measures {
        unique(&m.id, seen)?;
        if !nested(&m.id, &p.id) {
            return Err(bad(&m.id, "is not nested under its paragraph"));
        }
    }
    let text = &p.text;
    for st in &p.statistics {
        unique(&st.id, seen)?;
        if !nested(&st.id, &p.id) {
            return Err(bad(&st.id, "is not nested under its paragraph"));
        }
        let end = st.offset.checked_add(st.display.len());
        let inside = end.is_some_and(|end| {
            end <= text.len() && text.is_char_boundary(st.offset) && text.is_char_boundary(end)
        });
        if !inside {
            return Err(bad(
                &st.id,
                "has an offset outside its paragraph or inside a character",
            ));
        }
        if !text.contains(st.quote.as_str()) {
            return Err(bad(&st.id, "quotes text its paragraph does not hold"));
        }
        if !p.measures.iter().any(|m| m.id == st.measure) {
            return Err(bad(&st.id, "names a measure its paragraph does not have"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        crate::embedded::report().unwrap()
    }

    fn message(r: &Report) -> String {
        r.validate().unwrap_err().to_string()
    }

    #[test]
    fn the_embedded_model_holds() {
        report().validate().unwrap();
    }

    #[test]
    fn a_repeated_sub_item_id_is_named() {
        let mut r = report();
        let id = r.sections[0].id.clone();
        r.sections[0].subsections[0].id = id;
        assert_eq!(message(&r), "not a valid report model: \"1\" appears twice");
        let mut r = report();
        r.sections[3].subsections[0].id = "1.1".into();
        assert!(
            message(&r).contains("\"1.1\" appears twice"),
            "{}",
            message(&r)
        );
        let mut r = report();
        r.sections[3].subsections[0].id = "7.1".into();
        assert!(
            message(&r).contains("\"7.1\" is not nested"),
            "{}",
            message(&r)
        );
    }

    /// The first statistic of the model.
    fn first(r: &mut Report) -> (&str, &mut crate::model::Statistic) {
        r.sections
            .iter_mut()
            .flat_map(|s| s.paragraphs.iter_mut())
            .find_map(|p| p.statistics.first_mut().map(|s| (p.text.as_str(), s)))
            .unwrap()
    }

    #[test]
    fn figures_must_lie_inside_their_paragraph() {
        let mut r = report();
        let (text, s) = first(&mut r);
        s.offset = text.len() + 1;
        let id = s.id.clone();
        assert!(message(&r).contains(&format!("{id:?} has an offset")));
        // Inside the paragraph but in the middle of a hanzi.
        let mut r = report();
        let (text, s) = first(&mut r);
        s.offset = (1..text.len())
            .find(|i| !text.is_char_boundary(*i))
            .unwrap();
        assert!(message(&r).contains("has an offset"));
    }

    #[test]
    fn quotes_and_measures_must_exist() {
        let mut r = report();
        first(&mut r).1.quote = "不在段落里的话".into();
        assert!(message(&r).contains("quotes text"));
        let mut r = report();
        first(&mut r).1.measure = "9.9.p9.m9".into();
        assert!(message(&r).contains("names a measure"));
    }
}
