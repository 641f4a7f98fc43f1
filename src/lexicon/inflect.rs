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

    // consonant-vowel-consonant ending: the final consonant may double
    let cvc = n >= 3
        && !is_vowel(last)
        && !"wxy".contains(last)
        && is_vowel(prev)
        && !is_vowel(chars[n - 3]);
    let syllables = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| is_vowel(c) && (i == 0 || !is_vowel(chars[i - 1])))
        .count();

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
    if b.ends_with("ie") {
        push(format!("{}ying", &b[..b.len() - 2]));
    } else if last == 'e' && !b.ends_with("ee") && !b.ends_with("ye") && !b.ends_with("oe") && n > 2
    {
        push(format!("{}ing", &b[..b.len() - 1]));
    } else {
        if !cvc || syllables > 1 {
            push(format!("{b}ing"));
        }
        if cvc {
            push(format!("{b}{last}ing"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::verb_forms;

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
