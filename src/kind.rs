//! The kinds of nodes in the graph and small shared enums.

use serde::{Deserialize, Serialize};

/// What a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// An organization: company, union, party, agency, newspaper, team.
    Organization,
    /// A place: country, city, region, street.
    Place,
    /// What a stance is about, when it is not an entity ("delay of reopening").
    Topic,
    /// A direct quote.
    Quote,
    /// Reported speech: what someone said, in the writer's words ("said that …").
    Statement,
}

impl Kind {
    /// The lower-case name used in ids and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Topic => "topic",
            Kind::Quote => "quote",
            Kind::Statement => "statement",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "person" => Kind::Person,
            "organization" | "organisation" | "org" => Kind::Organization,
            "place" | "location" => Kind::Place,
            "topic" => Kind::Topic,
            "quote" => Kind::Quote,
            "statement" => Kind::Statement,
            _ => return None,
        })
    }

    /// True for people, organizations and places.
    pub fn is_entity(self) -> bool {
        matches!(self, Kind::Person | Kind::Organization | Kind::Place)
    }

    /// True for what someone said: quotes and statements (a `said` edge points at them).
    pub fn is_utterance(self) -> bool {
        matches!(self, Kind::Quote | Kind::Statement)
    }

    /// All kinds, in output order.
    pub const ALL: [Kind; 6] = [
        Kind::Person,
        Kind::Organization,
        Kind::Place,
        Kind::Topic,
        Kind::Quote,
        Kind::Statement,
    ];
}

/// Grammatical gender known for a name or title, used to resolve "he" and "she".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Not known or not applicable.
    #[default]
    Unknown,
    /// "he"
    Male,
    /// "she"
    Female,
}

impl Gender {
    /// Parses `m`, `f` or anything else (unknown).
    pub fn parse(s: &str) -> Gender {
        match s {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    /// True unless both are known and differ.
    pub fn compatible(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// Which side a stance takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    /// supports
    Support,
    /// opposes
    Oppose,
}

impl Polarity {
    /// The other side.
    pub fn flip(self) -> Polarity {
        match self {
            Polarity::Support => Polarity::Oppose,
            Polarity::Oppose => Polarity::Support,
        }
    }

    /// The edge relation name.
    pub fn relation(self) -> &'static str {
        match self {
            Polarity::Support => "supports",
            Polarity::Oppose => "opposes",
        }
    }
}
