//! Word forms: the Snowball stemmers of `rust-stemmers` for Finnish, Swedish and English, with a
//! few Finnish repairs where Snowball leaves two forms of one word apart.
//!
//! The index stems each word with the stemmer of each language it was written in; a query word
//! is stemmed with all three, since a family may type Finnish in the Swedish app. Both sides call
//! [`key`], so they always agree. What Snowball gets right and wrong on Finnish is measured by
//! the tests below and tabled in the README ("How search treats words").

use rust_stemmers::{Algorithm, Stemmer};

use crate::model::Lang;

/// Snowball's own stem, without the repairs (for the measurement table).
pub fn snowball(lang: Lang, word: &str) -> String {
    let algorithm = match lang {
        Lang::Fi => Algorithm::Finnish,
        Lang::Sv => Algorithm::Swedish,
        Lang::En => Algorithm::English,
    };
    Stemmer::create(algorithm).stem(word).into_owned()
}

/// The form a word is compared by in `lang`: its stem, repaired for Finnish. `word` is already
/// normalised (`text::normalize`: lower case, ä → a), as on both sides of the search.
pub fn key(lang: Lang, word: &str) -> String {
    let stem = snowball(lang, word);
    if lang == Lang::Fi {
        finnish_repairs(word, stem)
    } else {
        stem
    }
}

/// Stems shorter than this are too short to join words by: Snowball cuts "hakea" (to apply)
/// and "hakkaa" (beats) alike to "hak".
const MIN_JOINING_KEY: usize = 4;

/// Does `word` count as a form of the word whose key is `key`? A key of four letters or more
/// joins every word stemmed to it; a shorter one only words at most a letter longer than it
/// ("eroa" and "ero", but not "hakea" and "hakkaa").
pub fn joins(key: &str, word: &str) -> bool {
    key.len() >= MIN_JOINING_KEY || word.len() <= key.len() + 1
}

/// Consonant gradation and the -nen / -us / -ys nouns, which Snowball's Finnish stemmer leaves
/// apart: masennus / masennukseen ("masennus" / "masennuks"), ihminen / ihmisen ("ihmin" /
/// "ihmis"), terveys / terveyden, paivakoti / paivakodin, aiti / aidin, nuori / nuoren.
/// Each rule maps both forms to one key; none looks beyond the end of the stem.
fn finnish_repairs(word: &str, mut stem: String) -> String {
    // -nen nouns and adjectives: the nominative stem ends in -n, the other cases in -s.
    if word.ends_with("nen") && stem.ends_with('n') && stem.len() > 4 {
        stem.pop();
        stem.push('s');
        return stem;
    }
    // A final -i or -e left on a stem of four letters or more ("nuori", "aiti", "nuore").
    if stem.len() > 3 && (stem.ends_with('i') || stem.ends_with('e')) {
        stem.pop();
    }
    // -us / -ys nouns: masennuks → masennus, synnytyks → synnytys.
    if stem.len() > 5 && (stem.ends_with("uks") || stem.ends_with("yks") || stem.ends_with("oks")) {
        let at = stem.len() - 2;
        stem.replace_range(at.., "s");
        return stem;
    }
    // -us / -ys nouns with -ude- / -yde-: terveyd → terveys.
    if stem.len() > 5 && (stem.ends_with("yd") || stem.ends_with("ud")) {
        stem.pop();
        stem.push('s');
        return stem;
    }
    // t / d gradation at the end: paivakod → paivakot, aid → ait.
    if stem.len() > 2 && stem.ends_with('d') {
        stem.pop();
        stem.push('t');
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn short_stems_join_only_near_forms() {
        // Snowball's key for both is "hak": a question verb and a word of violence.
        assert_eq!(key(Lang::Fi, "hakea"), key(Lang::Fi, "hakkaa"));
        let k = key(Lang::Fi, "hakkaa");
        assert!(!joins(&k, "hakea"));
        assert!(joins(&key(Lang::Fi, "eroa"), "eroa"));
        assert!(joins(&key(Lang::Fi, "ero"), "ero"));
        assert!(joins(&key(Lang::Fi, "neuvolaa"), "neuvolaa"));
    }

    /// Pairs that should share a key, and whether plain Snowball already gives them one.
    /// The README's table is this list: keep them in step.
    pub(crate) const FINNISH_PAIRS: [(&str, &str, bool); 20] = [
        ("neuvola", "neuvolaa", true),
        ("neuvola", "neuvolaan", true),
        ("neuvola", "neuvolassa", true),
        ("perhe", "perheelle", true),
        ("avioero", "avioeron", true),
        ("puhe", "puheen", true),
        ("vauva", "vauvan", true),
        ("masennus", "masennukseen", false),
        ("synnytys", "synnytyksen", false),
        ("terveys", "terveyden", false),
        ("kiusaaminen", "kiusaamiseen", false),
        ("ihminen", "ihmisen", false),
        ("paivakoti", "paivakodin", false),
        ("aiti", "aidin", false),
        ("nuori", "nuoren", false),
        ("nuori", "nuoret", false),
        ("lapsi", "lapsen", false),
        ("vakivalta", "vakivallan", false),
        ("hammas", "hampaat", false),
        ("raskaus", "raskaana", false),
    ];

    /// What the repaired keys still miss: strong gradation (lt / ll, mm / mp), lapsi / lapsen,
    /// derived words. Prefix and compound-part matching and the vocabulary cover these.
    const STILL_APART: [&str; 4] = ["lapsi", "vakivalta", "hammas", "raskaus"];

    #[test]
    fn snowball_alone_and_with_the_repairs() {
        for (a, b, plain) in FINNISH_PAIRS {
            let (a, b) = (normalize(a), normalize(b));
            assert_eq!(
                snowball(Lang::Fi, &a) == snowball(Lang::Fi, &b),
                plain,
                "snowball {a} / {b}: {} / {}",
                snowball(Lang::Fi, &a),
                snowball(Lang::Fi, &b)
            );
            let together = key(Lang::Fi, &a) == key(Lang::Fi, &b);
            assert_eq!(
                together,
                !STILL_APART.contains(&a.as_str()),
                "key {a} / {b}: {} / {}",
                key(Lang::Fi, &a),
                key(Lang::Fi, &b)
            );
        }
    }

    #[test]
    fn swedish_and_english_forms() {
        for (a, b) in [
            ("skilsmassa", "skilsmassor"),
            ("barnradgivning", "barnradgivningen"),
            ("barn", "barnen"),
            ("familj", "familjen"),
        ] {
            assert_eq!(key(Lang::Sv, a), key(Lang::Sv, b), "{a} / {b}");
        }
        for (a, b) in [
            ("therapy", "therapies"),
            ("parent", "parents"),
            ("child", "child"),
        ] {
            assert_eq!(key(Lang::En, a), key(Lang::En, b), "{a} / {b}");
        }
    }

    /// Words that must not be joined by the repairs.
    #[test]
    fn different_words_keep_different_keys() {
        for (a, b) in [
            ("neuvola", "neuvonta"),
            ("puhe", "puhelin"),
            ("perhe", "perhetyo"),
            ("lasten", "lapsen"),
        ] {
            assert_ne!(key(Lang::Fi, a), key(Lang::Fi, b), "{a} / {b}");
        }
    }
}
