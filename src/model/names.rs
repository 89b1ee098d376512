//! What the parts of a report are called: a section's label (its number, the separator
//! its heading prints, its title or opening words) and the names of the preamble and the
//! sign-off. One home, so the tree, the detail pane, `outline`, citations and search agree.

use super::Section;

/// What the opening text before the first numbered section is called, in the outline
/// and in the browser.
pub const PREAMBLE_NAME: &str = "引言";
/// What the closing issuers and date are called.
pub const SIGNOFF_NAME: &str = "落款";
/// How many opening words name an untitled item before they are cut.
pub const UNTITLED_CHARS: usize = 24;
/// Punctuation that may close a heading and is not part of its name.
const CLOSING: &[char] = &['。', '：', ':', '；', ';', '，', ',', '？', '?', '！', '!'];

impl Section {
    /// The item as a reader names it: `四、公正文明执法`, `(三)加强执法保障`, and an untitled
    /// item by its opening words, `(一)本次新冠肺炎疫情时间长,...`. The tree, the detail pane,
    /// `outline`, citations and search all show this one label.
    pub fn label(&self) -> String {
        let mut label = String::new();
        self.write_label(&mut label);
        label
    }

    /// `label`, appended to `out` without a string of its own (search writes one for every
    /// section of every report it indexes).
    pub fn write_label(&self, out: &mut String) {
        out.push_str(&self.number);
        out.push_str(self.separator());
        let (title, cut) = self.title_or_opening(UNTITLED_CHARS);
        out.push_str(title);
        if cut {
            out.push_str("...");
        }
    }

    /// The number with the separator printed after it in the heading: `四、`, `(三)`, `1.`.
    pub fn numbered(&self) -> String {
        format!("{}{}", self.number, self.separator())
    }

    /// What the heading prints between the number and the title: `、`, `.`, a space, or
    /// nothing for `(三)`.
    fn separator(&self) -> &str {
        let rest = self.heading.trim_start().strip_prefix(self.number.as_str());
        let printed = match self.title.is_empty() {
            true => rest.map(|r| r.trim_end_matches(CLOSING)),
            // Where the title first appears, looked for only where a separator of up to
            // two chars can end (`str::find` set up a substring search per section).
            false => rest.and_then(|r| {
                let ends = r.char_indices().map(|(i, _)| i).chain([r.len()]).take(3);
                ends.into_iter()
                    .find(|&i| r[i..].starts_with(self.title.as_str()))
                    .map(|i| &r[..i])
            }),
        };
        // A separator is a mark or a space; anything longer means the heading and the
        // title disagree, so fall back to the usual form.
        match printed.filter(|s| s.chars().count() <= 2) {
            Some(s) => s,
            None if self.number.chars().all(|c| c.is_alphanumeric()) => "、",
            None => "",
        }
    }

    /// The title, or for an untitled item the start of its text (`本次新冠肺炎疫情时间长...`)
    /// cut at `max_chars`. A title is never cut: it is the item's name, verbatim.
    pub fn display_title(&self, max_chars: usize) -> String {
        let (title, cut) = self.title_or_opening(max_chars);
        match cut {
            // ASCII dots: `…` is ambiguous-width and shifts layouts in CJK terminals.
            true => format!("{title}..."),
            false => title.to_string(),
        }
    }

    /// The title, or the first `max_chars` chars of an untitled item's text, and whether
    /// that text was cut (then shown followed by `...`).
    fn title_or_opening(&self, max_chars: usize) -> (&str, bool) {
        if !self.title.is_empty() {
            return (&self.title, false);
        }
        let text = self.paragraphs.first().map_or("", |p| p.text.as_str());
        match text.char_indices().nth(max_chars) {
            None => (text, false),
            Some((cut, _)) => (&text[..cut], true),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::embedded;

    #[test]
    fn sections_are_named_by_number_separator_and_title_as_printed() {
        let r = embedded::report().expect("the embedded report parses");
        let label = |id: &str| r.find_section(id).map(|s| s.label());
        assert_eq!(label("4").as_deref(), Some("四、公正文明执法"));
        assert_eq!(label("4.3").as_deref(), Some("(三)加强执法保障"));
        // Untitled: its opening words, cut, with ASCII dots.
        assert_eq!(
            label("9.1").as_deref(),
            Some("(一)本次新冠肺炎疫情时间长,涉及范围广,对社会整体影...")
        );
        // A long title is a name and is never cut.
        assert_eq!(
            label("10.1").as_deref(),
            Some("(一)以开发就业岗位、落实再就业扶持政策为重点,解决就业困难对象的就业问题")
        );
    }

    #[test]
    fn the_separator_is_the_one_the_heading_prints() {
        let text = "标题\n一、总体\n1、优化营商环境。\n正文。\n";
        let r = crate::import::import(text, "t").expect("imports");
        let labels: Vec<String> = r.all_sections().iter().map(|s| s.label()).collect();
        assert_eq!(labels, ["一、总体", "1、优化营商环境"]);
    }

    /// The separator read from the heading as `str::find` read it before: the first place
    /// the title appears, kept when at most two chars follow the number.
    #[test]
    fn the_separator_is_where_the_title_first_appears_within_two_chars() {
        use proptest::prelude::*;
        fn by_find(s: &crate::model::Section) -> String {
            let rest = s.heading.trim_start().strip_prefix(s.number.as_str());
            let printed = rest.and_then(|r| r.find(s.title.as_str()).map(|i| &r[..i]));
            match printed.filter(|p| p.chars().count() <= 2) {
                Some(p) => p.to_string(),
                None if s.number.chars().all(|c| c.is_alphanumeric()) => "、".into(),
                None => String::new(),
            }
        }
        let piece =
            || prop::sample::select(vec!["", "、", ".", " ", "　", "：", "法", "治法", "a"]);
        let number = prop::sample::select(vec!["一", "（一）", "1", "(3)"]);
        let title = prop::sample::select(vec!["法治", "治", "依法行政", "法治法治"]);
        proptest!(|(n in number, sep in piece(), t in title, tail in piece())| {
            let mut s = crate::import::import("一、x\n", "t").unwrap().sections.remove(0);
            s.number = n.into();
            s.title = t.to_string();
            s.heading = format!("{n}{sep}{t}{tail}");
            prop_assert_eq!(s.numbered(), format!("{n}{}", by_find(&s)));
        });
    }
}
