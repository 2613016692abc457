//! `qamus::eval::matching_errors` lists exactly the failures that `qamus::eval::matching` counts. Reads the
//! development data in `../shared/eval`; skipped with a message when it is absent.

use std::path::Path;

use qamus::matcher::MatcherOptions;

#[test]
fn error_dump_agrees_with_the_report() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    if !dir.join("variants-dev.tsv").is_file() || !dir.join("translit-dev.tsv").is_file() {
        eprintln!("skipped: no development data in {}", dir.display());
        return;
    }
    let options = MatcherOptions::default();
    let report = qamus::eval::matching(&dir, options).expect("report");
    let errors = qamus::eval::matching_errors(&dir, options).expect("errors");
    let count = |task: &str| errors.iter().filter(|e| e.task == task).count();
    assert_eq!(
        count("variants"),
        report.variants_all.queries - report.variants_all.top1
    );
    assert_eq!(count("oog"), report.oog_false);
    assert_eq!(count("cross-oog"), report.cross_oog_false);
    assert_eq!(
        count("latin"),
        report.latin_all.queries - report.latin_all.top1
    );
    assert_eq!(count("latin-oog"), report.latin_oog_false);
    assert_eq!(report.latin_oog_queries, report.cross_oog_queries);
    assert!(report.cross_oog_queries > 1000, "{report:?}");
    assert_eq!(
        count("cross"),
        report.cross_all.queries - report.cross_all.top1
    );
    let held_out_variants = errors
        .iter()
        .filter(|e| e.task == "variants" && e.held_out)
        .count();
    assert_eq!(
        held_out_variants,
        report.variants_held_out.queries - report.variants_held_out.top1
    );
    // A line per error, with every column.
    for e in errors.iter().take(50) {
        assert_eq!(
            e.tsv().split('\t').count(),
            qamus::eval::MatchError::TSV_HEADER.split('\t').count()
        );
        // The first match at the threshold is never the right one.
        if !matches!(e.task, "oog" | "cross-oog" | "latin-oog") {
            assert!(e.top.first().is_none_or(|t| t.0 != e.expected), "{e:?}");
        }
    }
}
