//! Text normalisation for search: lower case, Finnish/Swedish letters folded to plain ones so
//! "aitiysneuvola" finds "Äitiysneuvola", words split on anything that is not a letter or digit.

/// Folds one lower-case character to its plain search form. A table this small is enough for the
/// Latin letters of Finnish, Swedish, Sámi and common loan names, and keeps Unicode tables out of
/// the Wasm binary.
fn fold(c: char) -> char {
    match c {
        'ä' | 'å' | 'á' | 'à' | 'â' | 'ã' | 'ā' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'ü' | 'ú' | 'ù' | 'û' => 'u',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'š' => 's',
        'ž' => 'z',
        'č' => 'c',
        'đ' => 'd',
        'ŋ' => 'n',
        'ŧ' => 't',
        'ç' => 'c',
        'ñ' => 'n',
        'ß' => 's',
        other => other,
    }
}

/// Lower-cases and folds `s`, turning every run of non-alphanumerics into one space.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            out.push(fold(c));
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    };
    for c in s.chars() {
        // Most catalogue text is ASCII; its lower case needs no Unicode tables.
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), &mut out);
        } else {
            for lower in c.to_lowercase() {
                push(lower, &mut out);
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The normalised words of `s`.
pub fn words(s: &str) -> Vec<String> {
    normalize(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_nordic_letters_and_case() {
        assert_eq!(
            normalize("Äitiysneuvola, Östra Nyland — Åbo"),
            "aitiysneuvola ostra nyland abo"
        );
    }

    #[test]
    fn splits_on_punctuation_and_hyphens() {
        assert_eq!(
            words("Perhe- ja kasvatusneuvonta (MLL)"),
            ["perhe", "ja", "kasvatusneuvonta", "mll"]
        );
        assert!(words("  ,;  ").is_empty());
    }
}
