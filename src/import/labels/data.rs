//! Labels as data: the embedded report's curated labels (`assets/labels.json`) and a
//! user's own (`import --labels FILE`), applied by statistic id.

/// Labels as data: a title for a source without a title line, and a label per statistic
/// id. The embedded report's curated labels are `assets/labels.json`; `import --labels
/// FILE` applies a user's own the same way.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub labels: std::collections::BTreeMap<String, String>,
}

impl Labels {
    /// Parse a labels file's text.
    pub fn from_json(json: &str) -> crate::Result<Labels> {
        Ok(serde_json::from_str(json)?)
    }

    /// Set the title and every labelled statistic's label. An id the report does not
    /// have is an error, so a stale file is noticed instead of silently doing nothing.
    pub fn apply(&self, report: &mut crate::model::Report) -> crate::Result<()> {
        if let Some(t) = &self.title {
            report.title = crate::sanitize::sanitize(t);
        }
        let mut unused: std::collections::BTreeSet<&str> =
            self.labels.keys().map(String::as_str).collect();
        let mut set = |p: &mut crate::model::Paragraph| {
            for s in &mut p.statistics {
                if let Some(l) = self.labels.get(s.id.as_str()) {
                    s.label = crate::sanitize::sanitize(l).into();
                    unused.remove(s.id.as_str());
                }
            }
        };
        report.intro.iter_mut().for_each(&mut set);
        let mut stack: Vec<&mut crate::model::Section> = report.sections.iter_mut().collect();
        while let Some(s) = stack.pop() {
            s.paragraphs.iter_mut().for_each(&mut set);
            stack.extend(s.subsections.iter_mut());
        }
        match unused.first() {
            Some(id) => Err(crate::Error::UnknownStatistic(id.to_string())),
            None => Ok(()),
        }
    }
}
