//! Sorting names in the UI language: in Finnish and Swedish å, ä and ö come after z (in that
//! order) and ü sorts as y; in English they sort as a and o. Case and other accents (é, š …) do
//! not change the order, only break ties.

use std::cmp::Ordering;

use crate::model::Lang;

/// The sort key of a name: compare keys, or use [`compare`].
pub fn sort_key(s: &str, lang: Lang) -> Vec<u32> {
    const AFTER_Z: u32 = 'z' as u32;
    let nordic = lang != Lang::En;
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' if nordic => AFTER_Z + 1,
            'ä' | 'æ' if nordic => AFTER_Z + 2,
            'ö' | 'ø' if nordic => AFTER_Z + 3,
            'ü' | 'ű' if nordic => 'y' as u32,
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'æ' => 'a' as u32,
            'ç' | 'č' => 'c' as u32,
            'è' | 'é' | 'ê' | 'ë' => 'e' as u32,
            'ì' | 'í' | 'î' | 'ï' => 'i' as u32,
            'ñ' => 'n' as u32,
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o' as u32,
            'š' => 's' as u32,
            'ù' | 'ú' | 'û' | 'ü' | 'ű' => 'u' as u32,
            'ý' | 'ÿ' => 'y' as u32,
            'ž' => 'z' as u32,
            c => c as u32,
        })
        .collect()
}

/// Orders two names for a list in the UI language; equal keys fall back to the plain text, so
/// the order is total and stable.
pub fn compare(a: &str, b: &str, lang: Lang) -> Ordering {
    sort_key(a, lang)
        .cmp(&sort_key(b, lang))
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(lang: Lang, names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b, lang));
        v
    }

    const NAMES: [&str; 8] = [
        "Östersund",
        "Åbo",
        "Ähtäri",
        "Zürich",
        "Vaasa",
        "Ylöjärvi",
        "åland",
        "Aura",
    ];

    #[test]
    fn swedish_and_finnish_put_a_ring_a_umlaut_o_umlaut_after_z() {
        let want = [
            "Aura",
            "Vaasa",
            "Ylöjärvi",
            "Zürich",
            "Åbo",
            "åland",
            "Ähtäri",
            "Östersund",
        ];
        assert_eq!(sorted(Lang::Sv, &NAMES), want);
        assert_eq!(sorted(Lang::Fi, &NAMES), want);
        // ü sorts as y in the Nordic languages, not after z as its code point would.
        assert_eq!(
            sorted(Lang::Fi, &["Zürich", "Yyteri", "Zz"]),
            ["Yyteri", "Zürich", "Zz"]
        );
    }

    #[test]
    fn english_sorts_them_with_a_and_o_and_ignores_case() {
        assert_eq!(
            sorted(Lang::En, &NAMES),
            [
                "Åbo",
                "Ähtäri",
                "åland",
                "Aura",
                "Östersund",
                "Vaasa",
                "Ylöjärvi",
                "Zürich"
            ]
        );
        assert_eq!(sorted(Lang::En, &["b", "A", "a"]), ["A", "a", "b"]);
        assert_eq!(compare("Éva", "Eva", Lang::Fi), Ordering::Greater);
    }
}
