//! Names resolved across a corpus: the people, organisations and places of many articles,
//! each under the names the articles give it, as one entity per real-world name when the
//! corpus leaves no doubt ("Obama", "B. Obama", "Barack Obama"), and never a short name merged
//! into a longer one that merely contains it ("England" is not "Tudor England").
//!
//! Within an article the fact's value is already the article's canonical name ("Blair" after
//! "Tony Blair"); this pass joins those values across articles.

use crate::facts::FactKind;
use crate::lexicons::PERSON_TITLES;
use rustc_hash::FxHashMap as HashMap;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// One entity of the corpus: its kind, the name shown for it and every name it was given.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: FactKind,
    pub name: String,
    /// The names it was given, most mentioned first.
    pub variants: Vec<String>,
    pub mentions: usize,
}

/// The entities, for each name given to `resolve` the index of its entity, and for each
/// speaker the entity that name stands for, if one does.
#[derive(Debug, Default)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    pub entity_of: Vec<u32>,
    pub speaker_entity: Vec<Option<u32>>,
}

/// How a name is compared: lowercase, without accents, with one kind of apostrophe, words
/// separated by one space.
pub fn fold(name: &str) -> String {
    let plain: String = name.nfd().filter(|&c| !is_combining_mark(c)).flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }).collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A group of names of one kind that fold alike.
struct Node {
    kind: FactKind,
    key: String,
    /// Each name as written and how often it was given.
    names: Vec<(String, usize)>,
    /// The node this one joins (itself when none).
    parent: usize,
}

impl Node {
    fn words(&self) -> Vec<&str> {
        self.key.split(' ').collect()
    }

    fn mentions(&self) -> usize {
        self.names.iter().map(|(_, n)| n).sum()
    }
}

/// "b." / "b" / "j-m" / "j.-m.": a given name written as its initials (a compound given name,
/// as French writes "J-M Ayrault" for Jean-Marc Ayrault, has one per part).
fn initials(word: &str) -> Option<Vec<char>> {
    let mut letters = Vec::new();
    for part in word.split(['-', '.']).filter(|p| !p.is_empty()) {
        let mut chars = part.chars();
        let first = chars.next().filter(|c| c.is_alphabetic())?;
        if chars.next().is_some() {
            return None;
        }
        letters.push(first);
    }
    (!letters.is_empty()).then_some(letters)
}

/// Whether the given name `full` ("jean-marc") is written with `letters` (['j', 'm'], or ['j']
/// for its first letter alone).
fn given_name_has_initials(full: &str, letters: &[char]) -> bool {
    if letters.len() == 1 {
        return full.starts_with(letters[0]);
    }
    let parts: Vec<char> = full.split('-').filter_map(|p| p.chars().next()).collect();
    parts == letters
}

/// The full names (two words or more, no initial first) of people, by each of their words.
fn people_by_word(nodes: &[Node]) -> HashMap<(&str, bool), Vec<usize>> {
    let mut by_word: HashMap<(&str, bool), Vec<usize>> = HashMap::default();
    for (i, node) in nodes.iter().enumerate().filter(|(_, n)| n.kind == FactKind::Person) {
        let words = node.words();
        if words.len() < 2 || initials(words[0]).is_some() {
            continue;
        }
        // (word, is the last word): surnames are tried before given names.
        by_word.entry((words[words.len() - 1], true)).or_default().push(i);
        by_word.entry((words[0], false)).or_default().push(i);
    }
    by_word
}

/// A short name written alone in a news collection names its best-known bearer: the one
/// candidate, or the one mentioned at least DOMINANCE times as often as any other (and at
/// least MIN_DOMINANT times), as "Blair" beside 21 mentions of one Blair and 1 of another.
const DOMINANCE: usize = 5;
const MIN_DOMINANT: usize = 3;

fn dominant(found: &[usize], nodes: &[Node]) -> Option<usize> {
    match found {
        [] => None,
        [one] => Some(*one),
        _ => {
            let mut by_mentions: Vec<(usize, usize)> = found.iter().map(|&i| (nodes[i].mentions(), i)).collect();
            by_mentions.sort_unstable_by(|a, b| b.cmp(a));
            let (top, next) = (by_mentions[0], by_mentions[1]);
            (top.0 >= MIN_DOMINANT && top.0 >= DOMINANCE * next.0).then_some(top.1)
        }
    }
}

/// The one full name a short name of a person stands for: a lone surname ("obama"), else a
/// lone given name ("ren" for "ren zhengfei"), or an initial and the rest ("b. obama").
/// Several candidates: the dominant one, else none (the corpus does not say which).
fn full_name_of(node: &Node, nodes: &[Node], by_word: &HashMap<(&str, bool), Vec<usize>>) -> Option<usize> {
    let words = node.words();
    let unique = |found: &[usize]| dominant(found, nodes);
    match words.as_slice() {
        [word] => by_word.get(&(*word, true)).map_or_else(|| by_word.get(&(*word, false)).and_then(|f| unique(f)), |f| unique(f)),
        [first, rest @ ..] => {
            let letters = initials(first)?;
            let surname = rest.last()?;
            let found: Vec<usize> = by_word
                .get(&(*surname, true))?
                .iter()
                .copied()
                .filter(|&i| {
                    let full = nodes[i].words();
                    given_name_has_initials(full[0], &letters) && full[1..] == *rest
                })
                .collect();
            unique(&found)
        }
        [] => None,
    }
}

/// Join short names of people to the full name they stand for; organisations to the one
/// expansion the corpus gives their acronym (`acronyms`: (short, long) as written).
fn join(nodes: &mut [Node], acronyms: &[(&str, &str)]) {
    let by_word = people_by_word(nodes);
    let joins: Vec<(usize, usize)> = (0..nodes.len())
        .filter(|&i| nodes[i].kind == FactKind::Person)
        .filter_map(|i| full_name_of(&nodes[i], nodes, &by_word).filter(|&j| j != i).map(|j| (i, j)))
        .collect();
    let index: HashMap<(FactKind, String), usize> = nodes.iter().enumerate().map(|(i, n)| ((n.kind, n.key.clone()), i)).collect();
    let mut expansions: HashMap<String, Vec<String>> = HashMap::default();
    for (short, long) in acronyms {
        let long = fold(long);
        let found = expansions.entry(fold(short)).or_default();
        if !found.contains(&long) {
            found.push(long);
        }
    }
    let org_joins = expansions.iter().filter(|(_, longs)| longs.len() == 1).filter_map(|(short, longs)| {
        let short = *index.get(&(FactKind::Organization, short.clone()))?;
        let long = *index.get(&(FactKind::Organization, longs[0].clone()))?;
        (short != long).then_some((short, long))
    });
    let all: Vec<(usize, usize)> = joins.into_iter().chain(org_joins).collect();
    for (short, long) in all {
        nodes[short].parent = long;
    }
}

fn root(nodes: &[Node], mut i: usize) -> usize {
    // Joins go from a short name to a full one, which joins nothing: at most one step, but
    // walk on in case, bounded by the number of nodes.
    for _ in 0..nodes.len() {
        if nodes[i].parent == i {
            break;
        }
        i = nodes[i].parent;
    }
    i
}

/// The entities of `names` ((kind, name as the fact's value), kinds person, organization and
/// place; others are their own entities), with the acronyms the corpus defined; and the entity
/// each of `speakers` (quote speakers as written) stands for: a name of an entity, or a short
/// name of one person. Speakers never make entities of their own.
pub fn resolve(names: &[(FactKind, &str)], acronyms: &[(&str, &str)], speakers: &[&str]) -> Resolution {
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of: HashMap<(FactKind, String), usize> = HashMap::default();
    let mut node_of_name: Vec<usize> = Vec::with_capacity(names.len());
    for &(kind, name) in names {
        let key = fold(name);
        let next = nodes.len();
        let i = *node_of.entry((kind, key.clone())).or_insert(next);
        if i == next {
            nodes.push(Node { kind, key, names: Vec::new(), parent: i });
        }
        match nodes[i].names.iter_mut().find(|(n, _)| n == name) {
            Some((_, count)) => *count += 1,
            None => nodes[i].names.push((name.to_string(), 1)),
        }
        node_of_name.push(i);
    }
    join(&mut nodes, acronyms);
    let (mut resolution, id_of_root) = entities_of(&nodes, &node_of_name);
    let by_word = people_by_word(&nodes);
    resolution.speaker_entity = speakers.iter().map(|speaker| speaker_node(speaker, &nodes, &node_of, &by_word).map(|i| id_of_root[root(&nodes, i)])).collect();
    resolution
}

/// The node a speaker's name stands for: a person or organisation written that way (people
/// first), or the one full name of a person it is a short form of.
fn speaker_node(speaker: &str, nodes: &[Node], node_of: &HashMap<(FactKind, String), usize>, by_word: &HashMap<(&str, bool), Vec<usize>>) -> Option<usize> {
    // "Mme Olsen", "Dr. Berg": the title is no part of the name.
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let titles = words.iter().take_while(|w| PERSON_TITLES.contains(fold(w).trim_end_matches('.'))).count();
    let key = fold(&words[titles.min(words.len().saturating_sub(1))..].join(" "));
    if let Some(&i) = node_of.get(&(FactKind::Person, key.clone())).or_else(|| node_of.get(&(FactKind::Organization, key.clone()))) {
        return Some(i);
    }
    let probe = Node { kind: FactKind::Person, key, names: Vec::new(), parent: 0 };
    full_name_of(&probe, nodes, by_word)
}

/// Group nodes by their root into entities, numbered in a fixed order (kind, most mentioned,
/// name), so that ids do not depend on the order articles were read in; and the id of each
/// root node.
fn entities_of(nodes: &[Node], node_of_name: &[usize]) -> (Resolution, Vec<u32>) {
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..nodes.len() {
        groups.entry(root(nodes, i)).or_default().push(i);
    }
    let mut entities: Vec<(usize, Entity)> = groups
        .into_iter()
        .map(|(root, members)| {
            let mut variants: Vec<(String, usize)> = members.iter().flat_map(|&m| nodes[m].names.iter().cloned()).collect();
            variants.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            // The name shown: the most given way of writing the full name the others join.
            let name = nodes[root].names.iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|(n, _)| n.clone()).unwrap_or_default();
            let mentions = members.iter().map(|&m| nodes[m].mentions()).sum();
            (root, Entity { kind: nodes[root].kind, name, variants: variants.into_iter().map(|(n, _)| n).collect(), mentions })
        })
        .collect();
    let order = |k: FactKind| FactKind::ALL.iter().position(|&x| x == k).unwrap_or(usize::MAX);
    entities.sort_by(|(_, a), (_, b)| order(a.kind).cmp(&order(b.kind)).then(b.mentions.cmp(&a.mentions)).then_with(|| a.name.cmp(&b.name)));
    let mut id_of_root = vec![0u32; nodes.len()];
    for (id, (root, _)) in entities.iter().enumerate() {
        id_of_root[*root] = id as u32;
    }
    let entity_of = node_of_name.iter().map(|&i| id_of_root[root(nodes, i)]).collect();
    let resolution = Resolution { entities: entities.into_iter().map(|(_, e)| e).collect(), entity_of, speaker_entity: Vec::new() };
    (resolution, id_of_root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use FactKind::{Organization, Person, Place};

    fn names_of(resolution: &Resolution, input: &[(FactKind, &str)]) -> Vec<String> {
        resolution.entity_of.iter().zip(input).map(|(&e, _)| resolution.entities[e as usize].name.clone()).collect()
    }

    #[test]
    fn a_surname_an_initial_and_a_full_name_are_one_person() {
        let input = [(Person, "Ana Lindqvist"), (Person, "Lindqvist"), (Person, "A. Lindqvist"), (Person, "Ana Lindqvist"), (Person, "ANA LINDQVIST")];
        let resolution = resolve(&input, &[], &[]);
        assert_eq!(resolution.entities.len(), 1);
        assert_eq!(names_of(&resolution, &input), vec!["Ana Lindqvist"; 5]);
        assert_eq!(resolution.entities[0].mentions, 5);
        assert_eq!(resolution.entities[0].variants[0], "Ana Lindqvist");
    }

    #[test]
    fn initials_of_a_compound_given_name() {
        let input = [(Person, "Marie-Hélène Dubreuil"), (Person, "M-H Dubreuil"), (Person, "Dubreuil"), (Person, "M.-H. Dubreuil")];
        let resolution = resolve(&input, &[], &[]);
        assert_eq!(names_of(&resolution, &input), vec!["Marie-Hélène Dubreuil"; 4]);
        let other = [(Person, "Marc Dubreuil"), (Person, "M-H Dubreuil")];
        assert_eq!(names_of(&resolve(&other, &[], &[]), &other), ["Marc Dubreuil", "M-H Dubreuil"]);
    }

    #[test]
    fn an_ambiguous_surname_stays_apart() {
        let input = [(Person, "Ana Lindqvist"), (Person, "Erik Lindqvist"), (Person, "Lindqvist"), (Person, "E. Lindqvist")];
        let resolution = resolve(&input, &[], &[]);
        let names = names_of(&resolution, &input);
        assert_eq!(names, ["Ana Lindqvist", "Erik Lindqvist", "Lindqvist", "Erik Lindqvist"]);
    }

    #[test]
    fn a_surname_names_a_far_better_known_bearer() {
        let mut input = vec![(Person, "Erik Lindqvist"), (Person, "Lindqvist")];
        input.extend([(Person, "Ana Lindqvist"); 6]);
        let resolution = resolve(&input, &[], &[]);
        assert_eq!(resolution.entity_of[1], resolution.entity_of[2]); // 6 mentions against 1
        input.extend([(Person, "Erik Lindqvist"); 2]);
        let resolution = resolve(&input, &[], &[]);
        assert_ne!(resolution.entity_of[1], resolution.entity_of[2]); // 6 against 3: no telling
    }

    #[test]
    fn a_place_or_body_is_never_joined_to_a_longer_name_holding_it() {
        let input = [(Place, "Normandy"), (Place, "Lower Normandy"), (Organization, "Acme"), (Organization, "Acme Holdings")];
        assert_eq!(resolve(&input, &[], &[]).entities.len(), 4);
    }

    #[test]
    fn accents_and_case_fold_but_kinds_stay_apart() {
        let input = [(Place, "Québec"), (Place, "Quebec"), (Organization, "Québec")];
        let resolution = resolve(&input, &[], &[]);
        assert_eq!(resolution.entities.len(), 2);
        assert_eq!(resolution.entity_of[0], resolution.entity_of[1]);
    }

    #[test]
    fn an_acronym_joins_its_one_expansion_only() {
        let input = [(Organization, "NWA"), (Organization, "Northern Water Authority"), (Organization, "GRC"), (Organization, "Green River Council")];
        let defined = [("NWA", "Northern Water Authority"), ("GRC", "Green River Council"), ("GRC", "Global Rail Corporation")];
        let resolution = resolve(&input, &defined, &[]);
        assert_eq!(resolution.entity_of[0], resolution.entity_of[1]);
        assert_ne!(resolution.entity_of[2], resolution.entity_of[3]); // two expansions in the corpus: no join
    }

    #[test]
    fn speakers_join_entities_but_make_none() {
        let input = [(Person, "Ana Lindqvist"), (Organization, "Acme"), (Person, "Erik Berg"), (Person, "Hanna Berg")];
        let resolution = resolve(&input, &[], &["Lindqvist", "ACME", "Berg", "the mayor", "A. Lindqvist", "Mme Lindqvist"]);
        let ids = &resolution.speaker_entity;
        assert_eq!(ids[0], Some(resolution.entity_of[0]));
        assert_eq!(ids[1], Some(resolution.entity_of[1]));
        assert_eq!(ids[2], None); // two Bergs
        assert_eq!(ids[3], None);
        assert_eq!(ids[4], Some(resolution.entity_of[0]));
        assert_eq!(ids[5], Some(resolution.entity_of[0])); // a title is no part of the name
        assert_eq!(resolution.entities.len(), 4);
    }

    #[test]
    fn ids_do_not_depend_on_the_order_of_the_names() {
        let mut input = vec![(Person, "Ana Lindqvist"), (Place, "Lyon"), (Person, "Lindqvist"), (Organization, "Acme"), (Place, "Lyon")];
        let first = resolve(&input, &[], &[]);
        input.reverse();
        let second = resolve(&input, &[], &[]);
        assert_eq!(first.entities, second.entities);
        assert_eq!(first.entities[0].kind, Person);
    }
}
