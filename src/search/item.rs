//! What a search finds, as views into the index's storage: an `Item` borrows its strings
//! from the index (built or mapped from the cache) instead of owning copies.

use super::Kind;
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

/// One searchable thing, with its place in the report, so a hit needs no model lookup.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Item<'a> {
    /// Index into the reports the index was built from. Not in JSON: output names the
    /// report by its title instead, which a script can use.
    #[serde(skip)]
    pub report: usize,
    pub kind: Kind,
    /// Section id (`"4.3"`), paragraph id for a lead (`"3.p1"`), measure id (`"4.3.p1.m1"`)
    /// or statistic id (`"4.3.p1.s1"`).
    pub id: &'a str,
    /// The section or sub-item that holds it (`"4.3"`; `"intro"` for the preamble).
    pub node: &'a str,
    /// The top-level section (`"4"`; `"intro"` for the preamble).
    pub section: &'a str,
    /// Breadcrumb of headings down to `node`, e.g. `["四、公正文明执法", "(三)加强执法保障"]`;
    /// empty for the preamble.
    pub path: Crumbs<'a>,
    /// What is shown and matched. Sections: the heading without closing punctuation
    /// (`(三)加强执法保障`); leads: the lead; measures: the sentence; statistics:
    /// `label：display（quote）`, e.g. `群众法律咨询：718人次（接受群众咨询718人次）`.
    pub text: &'a str,
    /// For statistics: the figure's fields, flattened into JSON output.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure<'a>>,
}

/// A statistic's fields, as the model has them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Figure<'a> {
    pub label: &'a str,
    #[serde(serialize_with = "crate::model::whole_or_decimal")]
    pub value: f64,
    pub unit: &'a str,
    /// The figure as printed, with qualifiers (`约143.4万元`).
    pub display: &'a str,
    pub approx: bool,
    /// The clause that holds the figure.
    pub quote: &'a str,
}

/// A breadcrumb: headings from the top-level section down; a JSON array of strings.
#[derive(Clone, Copy)]
pub struct Crumbs<'a> {
    pub(crate) store: &'a super::store::Store,
    /// Spans into the store's strings, one per heading.
    pub(crate) spans: super::store::Spans<'a>,
}

impl<'a> Crumbs<'a> {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        let (store, spans) = (self.store, self.spans);
        (0..spans.len()).map(move |i| store.str_at(spans, i))
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

impl PartialEq for Crumbs<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for Crumbs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Crumbs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for heading in self.iter() {
            seq.serialize_element(heading)?;
        }
        seq.end()
    }
}
