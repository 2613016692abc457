//! The five seed articles (`tests/corpus/seeds/`), compiled into the benchmarks that read Arabic news text.

/// The seed articles, in file-name order.
pub const SEEDS: [&str; 5] = [
    include_str!("../../tests/corpus/seeds/000_791975e654a9a156.txt"),
    include_str!("../../tests/corpus/seeds/001_0ba9f4aca8c64938.txt"),
    include_str!("../../tests/corpus/seeds/002_d20ebc38bcca70ee.txt"),
    include_str!("../../tests/corpus/seeds/003_27ee660541e3fe33.txt"),
    include_str!("../../tests/corpus/seeds/004_7e6629763159a433.txt"),
];
