//! A query as words to look for: normalised as the catalogue's texts are (`text::normalize`),
//! with the little words of a sentence left out ("lapsen puhe ei kehity" → lapsen, puhe,
//! kehity), unless the query has nothing else.

use crate::text::words;

/// Words that say nothing about which service is wanted, in Finnish, Swedish and English,
/// folded as the search folds them. None of them is a word of the vocabulary (a test checks).
pub const STOP_WORDS: &[&str] = &[
    // Finnish
    "ja",
    "tai",
    "on",
    "ei",
    "en",
    "et",
    "emme",
    "se",
    "ne",
    "ma",
    "mina",
    "sina",
    "me",
    "te",
    "he",
    "mun",
    "mulla",
    "minun",
    "minulla",
    "meilla",
    "meidan",
    "meita",
    "olen",
    "ole",
    "olla",
    "oli",
    "ollut",
    "kun",
    "etta",
    "jos",
    "mutta",
    "myos",
    "niin",
    "vai",
    "kanssa",
    "joka",
    "mika",
    "mita",
    "missa",
    "miten",
    "miksi",
    "mista",
    "mihin",
    "voi",
    "voiko",
    "pitaa",
    "tarvitsen",
    "haluan",
    "etsin",
    "nyt",
    "jo",
    "viela",
    "hyvin",
    "kuin",
    "jotain",
    "joku",
    "tama",
    "tuo",
    "sen",
    "han",
    "hanen",
    "meille",
    "mulle",
    "minulle",
    "apua",
    "apu",
    "jalkeen",
    "hoito",
    "hoitoa",
    // Finnish: how a question is put ("voiko kuraattorille mennä", "missä voi hakea",
    // "riitelemme koko ajan"), which says nothing of the need.
    "koko",
    "ajan",
    "aina",
    "usein",
    "tosi",
    "todella",
    "menna",
    "mennaan",
    "paasta",
    "paaseeko",
    "voisi",
    "voisiko",
    "voinko",
    "saa",
    "saako",
    "pitaisi",
    "kannattaa",
    "kenelle",
    "kuka",
    "hakea",
    "haetaan",
    // Finnish: the child and the family, which every service here is about.
    "lapsi",
    "lapsen",
    "lasta",
    "lapset",
    "lapsia",
    "lasten",
    "lapselle",
    "lapsella",
    "lapsesta",
    "lapseni",
    "lapsemme",
    "perhe",
    "perheen",
    "perheelle",
    "perheemme",
    // Swedish
    "och",
    "eller",
    "pa",
    "for",
    "att",
    "ett",
    "det",
    "som",
    "med",
    "av",
    "till",
    "ar",
    "jag",
    "vi",
    "min",
    "mitt",
    "har",
    "inte",
    "vill",
    "behover",
    "hur",
    "vad",
    "om",
    "hjalp",
    "barn",
    "barnet",
    "barnen",
    // Swedish: how a question is put ("vi ska skiljas", "var kan man få").
    "ska",
    "skall",
    "kan",
    "kunna",
    "man",
    "var",
    "vart",
    "finns",
    "fa",
    "nar",
    "hela",
    "tiden",
    "alltid",
    // English
    "the",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "at",
    "my",
    "our",
    "we",
    "is",
    "are",
    "with",
    "need",
    "want",
    "how",
    "what",
    "help",
    "kid",
    "kids",
    "son",
    "daughter",
    // English: how a question is put ("where can i get food aid for families").
    "can",
    "where",
    "get",
    "i",
    "should",
    "all",
    "time",
    "find",
    "who",
];

pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w)
}

/// The words of a query to look for. Stop words are dropped, unless that would leave none (a
/// family typing "en" is still typing something).
pub fn terms(query: &str) -> Vec<String> {
    let all = words(query);
    let kept: Vec<String> = all.iter().filter(|w| !is_stop_word(w)).cloned().collect();
    if kept.is_empty() {
        all
    } else {
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_go_unless_nothing_else_is_left() {
        assert_eq!(terms("Lapsen puhe ei kehity"), ["puhe", "kehity"]);
        assert_eq!(terms("lapsi"), ["lapsi"]);
        assert_eq!(terms("jag behöver hjälp med skilsmässa"), ["skilsmassa"]);
        assert_eq!(terms("ja"), ["ja"]);
        assert!(terms("  ").is_empty());
    }

    #[test]
    fn how_a_question_is_put_is_left_out() {
        assert_eq!(
            terms("voiko kuraattorille mennä ilman vanhempia"),
            ["kuraattorille", "ilman", "vanhempia"]
        );
        assert_eq!(terms("riitelemme koko ajan"), ["riitelemme"]);
        assert_eq!(terms("missä voi hakea puheterapiaa"), ["puheterapiaa"]);
        assert_eq!(terms("vi ska skiljas"), ["skiljas"]);
        assert_eq!(terms("where can I get food aid"), ["food", "aid"]);
    }

    #[test]
    fn stop_words_are_folded_and_distinct() {
        for w in STOP_WORDS {
            assert_eq!(crate::text::normalize(w), *w);
        }
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), STOP_WORDS.len());
    }
}
