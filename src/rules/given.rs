//! Common English given names (`given_names.txt`: the US Census Bureau's 1990 lists, the names borne by at least
//! 0.01 % of men or of women): a one-word Latin query that is one of them is a name of its own, not a misspelling of
//! a place or of another name (Angela is not Angola, George is not Georgia, Michael is not Meshaal).

// `GIVEN`, the names in one table: compiled by build.rs.
include!(concat!(env!("OUT_DIR"), "/given_names.rs"));

/// Whether `word` (lower-case ASCII, as the `search` level writes a Latin word) is a common given name.
pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN.index(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_not() {
        for name in ["michael", "george", "angela", "sophia", "mary", "jordan"] {
            assert!(is_given_name(name), "{name}");
        }
        for word in ["angola", "georgia-", "putin", "pashinyan", "Michael", ""] {
            assert!(!is_given_name(word), "{word}");
        }
    }
}
