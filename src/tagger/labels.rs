//! Labels: the entity kinds, the BIO and BILOU schemes over them, which label may follow which,
//! and the conversions between mentions (token spans) and one label per token.

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum EntityKind {
    Person = 0,
    Organization = 1,
    Place = 2,
}

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Organization, EntityKind::Place];

    /// The name facts use: "person", "organization", "place".
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }

    pub fn from_name(name: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// A name found by the tagger: tokens `first_token..=last_token` of one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    pub first_token: usize,
    pub last_token: usize,
    pub kind: EntityKind,
}

/// How a mention's tokens are labelled. BIO: Begin, Inside, Outside. BILOU adds Last and Unit
/// (a one-token mention), which lets the model learn how names end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Scheme {
    Bio = 0,
    Bilou = 1,
}

/// The part of a mention a label marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

/// A label id: 0 is Outside; then the parts of each kind, kind by kind.
pub type Label = u8;

pub const OUTSIDE: Label = 0;

impl Scheme {
    pub fn from_code(code: u8) -> Option<Scheme> {
        match code {
            0 => Some(Scheme::Bio),
            1 => Some(Scheme::Bilou),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scheme::Bio => "BIO",
            Scheme::Bilou => "BILOU",
        }
    }

    fn parts(self) -> &'static [Part] {
        match self {
            Scheme::Bio => &[Part::Begin, Part::Inside],
            Scheme::Bilou => &[Part::Begin, Part::Inside, Part::Last, Part::Unit],
        }
    }

    pub fn label_count(self) -> usize {
        1 + EntityKind::ALL.len() * self.parts().len()
    }

    fn label(self, part: Part, kind: EntityKind) -> Label {
        if part == Part::Outside {
            return OUTSIDE;
        }
        let index = self.parts().iter().position(|&p| p == part).unwrap_or(0);
        (1 + kind as usize * self.parts().len() + index) as Label
    }

    fn part_and_kind(self, label: Label) -> (Part, Option<EntityKind>) {
        if label == OUTSIDE || label as usize >= self.label_count() {
            return (Part::Outside, None);
        }
        let parts = self.parts();
        let index = label as usize - 1;
        (parts[index % parts.len()], EntityKind::ALL.get(index / parts.len()).copied())
    }

    /// A readable name of a label: "O", "B-person", "U-place".
    pub fn label_name(self, label: Label) -> String {
        match self.part_and_kind(label) {
            (_, None) => "O".to_string(),
            (part, Some(kind)) => {
                let letter = match part {
                    Part::Begin => 'B',
                    Part::Inside => 'I',
                    Part::Last => 'L',
                    Part::Unit => 'U',
                    Part::Outside => 'O',
                };
                format!("{letter}-{}", kind.name())
            }
        }
    }

    /// Whether a sentence may open with `label`.
    pub fn can_start(self, label: Label) -> bool {
        matches!(self.part_and_kind(label).0, Part::Outside | Part::Begin | Part::Unit)
    }

    /// Whether a sentence may close with `label`.
    pub fn can_end(self, label: Label) -> bool {
        match self {
            Scheme::Bio => true,
            Scheme::Bilou => matches!(self.part_and_kind(label).0, Part::Outside | Part::Last | Part::Unit),
        }
    }

    /// Whether `next` may follow `previous` inside a sentence.
    pub fn can_follow(self, previous: Label, next: Label) -> bool {
        let (previous_part, previous_kind) = self.part_and_kind(previous);
        let (next_part, next_kind) = self.part_and_kind(next);
        let open = match self {
            Scheme::Bio => matches!(previous_part, Part::Begin | Part::Inside),
            Scheme::Bilou => matches!(previous_part, Part::Begin | Part::Inside),
        };
        let continues = match self {
            Scheme::Bio => next_part == Part::Inside,
            Scheme::Bilou => matches!(next_part, Part::Inside | Part::Last),
        };
        match self {
            // BIO: an open mention may also just stop (O or a new B).
            Scheme::Bio => !continues || (open && previous_kind == next_kind),
            // BILOU: an open mention must continue; a closed one must not.
            Scheme::Bilou => {
                if open {
                    continues && previous_kind == next_kind
                } else {
                    !continues
                }
            }
        }
    }

    /// Labels for `len` tokens holding `mentions` (token spans inside `0..len`, sorted, not
    /// overlapping; others are skipped).
    pub fn encode(self, len: usize, mentions: &[Mention], out: &mut Vec<Label>) {
        out.clear();
        out.resize(len, OUTSIDE);
        let mut free_from = 0;
        for m in mentions {
            if m.first_token < free_from || m.last_token < m.first_token || m.last_token >= len {
                continue;
            }
            free_from = m.last_token + 1;
            if self == Scheme::Bilou && m.first_token == m.last_token {
                out[m.first_token] = self.label(Part::Unit, m.kind);
                continue;
            }
            out[m.first_token] = self.label(Part::Begin, m.kind);
            for label in &mut out[m.first_token + 1..=m.last_token] {
                *label = self.label(Part::Inside, m.kind);
            }
            if self == Scheme::Bilou {
                out[m.last_token] = self.label(Part::Last, m.kind);
            }
        }
    }

    /// The mentions a label sequence holds, token indices shifted by `offset`. Tolerant: a
    /// mention left open or continued without a begin is still read as one.
    pub fn decode(self, labels: &[Label], offset: usize, out: &mut Vec<Mention>) {
        let mut open: Option<(usize, EntityKind)> = None;
        for (i, &label) in labels.iter().enumerate() {
            let (part, kind) = self.part_and_kind(label);
            let continues = matches!(part, Part::Inside | Part::Last) && open.is_some_and(|(_, k)| Some(k) == kind);
            if !continues {
                if let Some((first, kind)) = open.take() {
                    out.push(Mention { first_token: offset + first, last_token: offset + i - 1, kind });
                }
                if let Some(kind) = kind {
                    open = Some((i, kind));
                }
            }
            let closes = matches!(part, Part::Last | Part::Unit);
            if closes {
                if let Some((first, kind)) = open.take() {
                    out.push(Mention { first_token: offset + first, last_token: offset + i, kind });
                }
            }
        }
        if let Some((first, kind)) = open {
            out.push(Mention { first_token: offset + first, last_token: offset + labels.len() - 1, kind });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(first_token: usize, last_token: usize, kind: EntityKind) -> Mention {
        Mention { first_token, last_token, kind }
    }

    #[test]
    fn encode_then_decode_gives_the_mentions_back() {
        let mentions = [mention(0, 1, EntityKind::Person), mention(3, 3, EntityKind::Place), mention(4, 6, EntityKind::Organization)];
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let mut labels = Vec::new();
            scheme.encode(8, &mentions, &mut labels);
            let mut back = Vec::new();
            scheme.decode(&labels, 0, &mut back);
            assert_eq!(back, mentions, "{}", scheme.name());
        }
    }

    #[test]
    fn encoded_sequences_are_valid() {
        let mentions = [mention(0, 0, EntityKind::Person), mention(1, 2, EntityKind::Person), mention(4, 4, EntityKind::Place)];
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let mut labels = Vec::new();
            scheme.encode(5, &mentions, &mut labels);
            assert!(scheme.can_start(labels[0]) && scheme.can_end(labels[4]));
            assert!(labels.windows(2).all(|w| scheme.can_follow(w[0], w[1])), "{}", scheme.name());
        }
    }

    #[test]
    fn inside_never_follows_outside() {
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            for label in 0..scheme.label_count() as Label {
                let name = scheme.label_name(label);
                if name.starts_with("I-") || name.starts_with("L-") {
                    assert!(!scheme.can_follow(OUTSIDE, label) && !scheme.can_start(label), "{name}");
                }
            }
        }
    }

    #[test]
    fn overlapping_and_out_of_range_mentions_are_skipped() {
        let mut labels = Vec::new();
        Scheme::Bilou.encode(3, &[mention(0, 1, EntityKind::Place), mention(1, 2, EntityKind::Person), mention(2, 5, EntityKind::Person)], &mut labels);
        let mut back = Vec::new();
        Scheme::Bilou.decode(&labels, 10, &mut back);
        assert_eq!(back, [mention(10, 11, EntityKind::Place)]);
    }
}
