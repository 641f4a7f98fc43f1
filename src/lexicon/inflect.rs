//! Regular English verb inflection, so word lists can be written in base forms.
//!
//! Takes a base form ("criticise"), gives its -s, -ed and -ing forms. Irregular forms are
//! written in the data files themselves ("fight|fought"). Where a rule cannot know the
//! stress of a word (admit → admitted, visit → visited) both spellings are produced;
//! the one that is not English never occurs in text, so it costs nothing.

/// The base form and its regular inflections, lower case, without duplicates.
pub fn verb_forms(base: &str) -> Vec<String> {
    let b = base.to_lowercase();
    let mut out = vec![b.clone()];
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let chars: Vec<char> = b.chars().collect();
    let n = chars.len();
    if n == 0 {
        return out;
    }
    let last = chars[n - 1];
    let prev = if n >= 2 { chars[n - 2] } else { ' ' };
    let is_vowel = |c: char| "aeiou".contains(c);

    // third person singular
    if b.ends_with('s')
        || b.ends_with("sh")
        || b.ends_with("ch")
        || b.ends_with('x')
        || b.ends_with('z')
    {
        push(format!("{b}es"));
    } else if last == 'y' && !is_vowel(prev) {
        push(format!("{}ies", &b[..b.len() - 1]));
    } else if last == 'o' {
        push(format!("{b}es"));
        push(format!("{b}s"));
    } else {
        push(format!("{b}s"));
    }

    let (cvc, syllables) = ending(&chars);

    // past
    if last == 'e' {
        push(format!("{b}d"));
    } else if last == 'y' && !is_vowel(prev) {
        push(format!("{}ied", &b[..b.len() - 1]));
    } else {
        // a longer word usually keeps its final consonant single (visited, discovered);
        // list that spelling first so it is the one chosen as the -ing/-ed form
        if !cvc || syllables > 1 {
            push(format!("{b}ed"));
        }
        if cvc {
            push(format!("{b}{last}ed"));
        }
    }

    // present participle
    let (ing, doubled) = participles(&b, cvc, syllables);
    push(ing);
    if let Some(d) = doubled {
        push(d);
    }
    out
}

/// The first form ending in "ing" that [`verb_forms`] gives for `base`, without making
/// the others: the base itself when it ends so ("bring"), else its present participle
/// (the third person and the past end in "s" and "d"), lower case; none for an empty
/// base.
pub fn ing_form(base: &str) -> Option<String> {
    let b = base.to_lowercase();
    if b.is_empty() || b.ends_with("ing") {
        return (!b.is_empty()).then_some(b);
    }
    let chars: Vec<char> = b.chars().collect();
    let (cvc, syllables) = ending(&chars);
    Some(participles(&b, cvc, syllables).0)
}

/// Whether a word ends consonant-vowel-consonant (its final consonant may double), and
/// its syllables (groups of vowels).
fn ending(chars: &[char]) -> (bool, usize) {
    let is_vowel = |c: char| "aeiou".contains(c);
    let n = chars.len();
    let cvc = n >= 3
        && !is_vowel(chars[n - 1])
        && !"wxy".contains(chars[n - 1])
        && is_vowel(chars[n - 2])
        && !is_vowel(chars[n - 3]);
    let syllables = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| is_vowel(c) && (i == 0 || !is_vowel(chars[i - 1])))
        .count();
    (cvc, syllables)
}

/// The present participle of the lower-case base `b` (not empty) and, for a
/// consonant-vowel-consonant ending, the spelling with the final consonant doubled
/// when it is not the first: a word of one syllable doubles it (slamming), a longer
/// one usually does not (visiting), so both are given for it (admitting).
fn participles(b: &str, cvc: bool, syllables: usize) -> (String, Option<String>) {
    let last = b.chars().next_back().unwrap_or(' ');
    if let Some(stem) = b.strip_suffix("ie") {
        (format!("{stem}ying"), None)
    } else if last == 'e'
        && !b.ends_with("ee")
        && !b.ends_with("ye")
        && !b.ends_with("oe")
        && b.chars().count() > 2
    {
        (format!("{}ing", &b[..b.len() - 1]), None)
    } else if cvc && syllables <= 1 {
        (format!("{b}{last}ing"), None)
    } else {
        (format!("{b}ing"), cvc.then(|| format!("{b}{last}ing")))
    }
}

#[cfg(test)]
mod tests {
    use super::{ing_form, verb_forms};

    #[test]
    fn ing_form_is_verb_forms() {
        let words = include_str!("../../data/common_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .chain([
                "",
                "a",
                "ie",
                "tie",
                "die",
                "see",
                "agree",
                "eye",
                "hoe",
                "be",
                "go",
                "bring",
                "visit",
                "admit",
                "slam",
                "play",
                "fix",
                "row",
                "stay",
                "x",
                "über",
                "naïve",
                "café",
                "Slam",
                "TIE",
                "ÉCLAT",
                "q\u{301}ue",
            ]);
        for w in words {
            let want = verb_forms(w).into_iter().find(|f| f.ends_with("ing"));
            assert_eq!(ing_form(w), want, "{w}");
        }
    }

    #[test]
    fn table() {
        // base, forms that must be produced
        let cases: &[(&str, &[&str])] = &[
            ("ask", &["asks", "asked", "asking"]),
            ("criticise", &["criticises", "criticised", "criticising"]),
            ("urge", &["urges", "urged", "urging"]),
            ("deny", &["denies", "denied", "denying"]),
            ("slam", &["slams", "slammed", "slamming"]),
            ("admit", &["admits", "admitted", "admitting"]),
            ("visit", &["visited", "visiting"]),
            ("push", &["pushes", "pushed", "pushing"]),
            ("veto", &["vetoes", "vetoed"]),
            ("tie", &["ties", "tied", "tying"]),
            ("agree", &["agrees", "agreed", "agreeing"]),
            ("play", &["plays", "played", "playing"]),
        ];
        for (base, want) in cases {
            let got = verb_forms(base);
            for w in *want {
                assert!(got.iter().any(|g| g == w), "{base}: missing {w} in {got:?}");
            }
        }
    }
}
