//! A report's shape as the browser's tree opens it: whether it has a preamble and a
//! sign-off, and its top-level sections with whether each has children in the tree.
//!
//! Over 10,000 reports the tree's first frame lists every report a level deep; this is
//! all that listing needs, so the models cache stores it apart from the reports and the
//! browser decodes a whole report only when something shows its content.

use super::{Report, Section};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outline {
    /// The report has preamble paragraphs.
    pub intro: bool,
    /// The report has issuers or a date line.
    pub sign_off: bool,
    /// Each top-level section's id, and whether it opens in the tree.
    pub sections: Vec<(String, bool)>,
}

impl Outline {
    pub fn of(report: &Report) -> Outline {
        Outline {
            intro: !report.intro.is_empty(),
            sign_off: report.has_sign_off(),
            sections: report
                .sections
                .iter()
                .map(|s| (s.id.to_string(), s.has_tree_children()))
                .collect(),
        }
    }

    /// Whether the report's own node opens in the tree.
    pub fn has_children(&self) -> bool {
        self.intro || self.sign_off || !self.sections.is_empty()
    }
}

impl Report {
    /// Whether the report ends with issuers or a date line (the tree's sign-off node).
    pub fn has_sign_off(&self) -> bool {
        !self.issuers.is_empty() || self.date_text.is_some()
    }
}

impl Section {
    /// Whether the section opens in the tree: it has sub-items or paragraphs with a lead
    /// sentence (each a node of its own).
    pub fn has_tree_children(&self) -> bool {
        !self.subsections.is_empty() || self.paragraphs.iter().any(|p| p.lead.is_some())
    }
}
