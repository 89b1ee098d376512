//! Generated JSON models for the hostile-input tests: valid, but far larger than any
//! real report.
#![allow(dead_code)]

/// A valid model of `n` top-level sections `第i节`, each empty, under the 16 MB file limit
/// at 100,000 sections.
pub fn many_sections(n: usize) -> String {
    let sections: Vec<String> = (1..=n)
        .map(|i| {
            format!(
                r#"{{"id":"{i}","number":"{i}","title":"第{i}节","heading":"{i}、第{i}节","paragraphs":[],"subsections":[]}}"#
            )
        })
        .collect();
    format!(
        r#"{{"title":"大模型","sections":[{}]}}"#,
        sections.join(",")
    )
}
