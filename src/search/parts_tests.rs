//! An index in parts answers exactly as one index over the same reports in order.

use super::*;
use crate::model::Report;
use crate::search::{corpus, ReportItems};

/// Generated reports and the layout fixtures: several places, years and layouts.
fn reports() -> Vec<Report> {
    let base = crate::embedded::report().unwrap();
    let mut reports = corpus::generate(&base, 9);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/layouts");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        reports.push(crate::import::import_bytes(&bytes, "fixture").unwrap());
    }
    reports
}

/// Three parts, reports dealt to them out of order (as threads finish files in any
/// order); the places in report order.
fn split(reports: &[Report]) -> (PartsBuilder, Vec<Placed>) {
    let parts = PartsBuilder::default();
    let mut held: Vec<(u32, Builder)> = (0..3).map(|_| parts.take()).collect();
    let mut order = vec![None; reports.len()];
    let dealt: Vec<usize> = (0..reports.len())
        .map(|i| (i * 7 + 3) % reports.len())
        .collect();
    for (turn, &r) in dealt.iter().enumerate() {
        let (part, builder) = &mut held[(turn * 5 / 3) % 3];
        order[r] = Some(Placed {
            part: *part,
            local: builder.reports(),
        });
        builder.add(ReportItems::of(&reports[r]));
    }
    for (part, builder) in held {
        parts.give(part, builder);
    }
    (parts, order.into_iter().map(Option::unwrap).collect())
}

/// A hit as printed: which report, which item, its text and how it matched.
type Seen = (usize, String, String, i64, bool, Vec<usize>);

#[test]
fn parts_rank_exactly_as_one_index() {
    let reports = reports();
    assert!(reports.len() >= 12);
    let whole = Index::build(&reports);
    let (builder, order) = split(&reports);
    let parts = builder.finish(&order);
    assert_eq!((parts.report_count(), parts.lost()), (reports.len(), 0));
    assert_eq!(parts.indexes.len(), 3);
    let queries = [
        "执法",
        "zfjly",
        "1",
        "20",
        "法律 咨询",
        "#执法",
        ">依法",
        "@",
        "'依法",
        "z",
        "xzfy",
        "86.4",
        "办理",
        "万元",
        "sfs",
        "行政复议 10",
    ];
    for q in queries {
        let query = Query::lenient(q);
        let one: Vec<Seen> = whole
            .search(&query)
            .into_iter()
            .map(|h| {
                let item = whole.item(h.item);
                let at = (item.report, item.id.to_string(), item.text.to_string());
                (at.0, at.1, at.2, h.score, h.exact, h.indices)
            })
            .collect();
        let merged: Vec<Seen> = parts
            .search(&query)
            .into_iter()
            .map(|PartHit { part, hit: h }| {
                let item = parts.part(part).item(h.item);
                let report = parts.report_of(part, &item);
                let at = (report, item.id.to_string(), item.text.to_string());
                (at.0, at.1, at.2, h.score, h.exact, h.indices)
            })
            .collect();
        assert!(!one.is_empty(), "{q} finds something");
        assert_eq!(one, merged, "{q}");
    }
    let listed: Vec<(usize, String)> = parts
        .items_in_order()
        .into_iter()
        .map(|(part, i)| {
            let item = parts.part(part).item(i);
            (parts.report_of(part, &item), item.text.to_string())
        })
        .collect();
    let all: Vec<(usize, String)> = whole
        .items()
        .map(|i| (i.report, i.text.to_string()))
        .collect();
    assert_eq!(listed, all);
}

#[test]
fn reports_of_a_part_that_never_finished_are_counted_lost() {
    let reports = reports();
    let parts = PartsBuilder::default();
    let (kept, mut builder) = parts.take();
    let (_gone, mut other) = parts.take();
    let mut order = Vec::new();
    for (i, r) in reports.iter().take(5).enumerate() {
        let b = if i % 2 == 0 { &mut builder } else { &mut other };
        order.push(Placed {
            part: if i % 2 == 0 { kept } else { 1 - kept },
            local: b.reports(),
        });
        b.add(ReportItems::of(r));
    }
    // `other` is dropped, as by a panic on its thread.
    parts.give(kept, builder);
    let parts = parts.finish(&order);
    assert_eq!((parts.report_count(), parts.lost()), (3, 2));
    let hits = parts.search(&Query::lenient("执法"));
    let reports: std::collections::BTreeSet<usize> = hits
        .iter()
        .map(|h| parts.report_of(h.part, &parts.part(h.part).item(h.hit.item)))
        .collect();
    assert_eq!(reports.into_iter().collect::<Vec<_>>(), [0, 1, 2]);
}
