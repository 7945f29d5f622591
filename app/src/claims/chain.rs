//! The attribution chain: who said it, who reported it, who relayed that report.
//! Derived from appearances and source citations, never typed by hand, and rendered as a sentence:
//! "The Government of the United States made this accusation — according to Associated Press,
//! as relayed by Kompas TV."

use serde::{Deserialize, Serialize};

use super::AppearanceRole;
use crate::i18n::{td_string, Locale};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionChain {
    pub speaker: String,
    pub cue_verb: Option<String>,
    pub role: AppearanceRole,
    /// Sources the carrying source relies on, the original report first. Each hop may name
    /// several sources (a report citing two agencies).
    pub reporters: Vec<Vec<String>>,
    /// The source in which the claim appears (its outlet's name, or its title).
    pub carrier: String,
}

/// The phrase for what a cue verb says the speaker did ("menuduh" → an accusation), in the
/// reader's language. The cue verb itself may be Indonesian or English, whatever the reader's.
pub fn speech_act(locale: Locale, cue_verb: Option<&str>) -> &'static str {
    let cue = cue_verb.unwrap_or("").trim().to_lowercase();
    match cue.as_str() {
        "menuduh" | "accused" | "accuses" | "accuse" => td_string!(locale, chain.accusation),
        "membantah" | "denied" | "denies" | "deny" | "menyangkal" => {
            td_string!(locale, chain.denial)
        }
        "mengonfirmasi" | "membenarkan" | "confirmed" | "confirms" => {
            td_string!(locale, chain.confirmation)
        }
        "melaporkan" | "laporan" | "reported" | "reports" => td_string!(locale, chain.report),
        "berjanji" | "promised" | "pledged" => td_string!(locale, chain.promise),
        "mengkritik" | "criticised" | "criticized" => td_string!(locale, chain.criticism),
        "menyatakan" | "stated" | "declared" => td_string!(locale, chain.statement),
        _ => td_string!(locale, chain.said),
    }
}

/// "A", "A and B", "A, B and C" ("dan" in Indonesian).
fn join_names(locale: Locale, names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!(
            "{} {} {}",
            init.join(", "),
            td_string!(locale, chain.and),
            last
        ),
    }
}

impl AttributionChain {
    /// The chain as one readable sentence in the reader's language.
    pub fn sentence(&self, locale: Locale) -> String {
        let speaker = &self.speaker;
        let act = speech_act(locale, self.cue_verb.as_deref());
        let carrier = &self.carrier;
        if self.role == AppearanceRole::Primary {
            return td_string!(locale, chain.primary, speaker, act, carrier).to_string();
        }
        let hops: Vec<&Vec<String>> = self
            .reporters
            .iter()
            .filter(|hop| !hop.is_empty())
            .collect();
        let Some((first, relays)) = hops.split_first() else {
            return td_string!(locale, chain.reported_by, speaker, act, carrier).to_string();
        };
        let names = join_names(locale, first);
        let mut sentence = td_string!(locale, chain.according_to, speaker, act, names).to_string();
        for hop in relays {
            let names = join_names(locale, hop);
            sentence.push_str(&td_string!(locale, chain.relayed_by, names).to_string());
        }
        let names = carrier;
        sentence.push_str(&td_string!(locale, chain.relayed_by, names).to_string());
        sentence.push('.');
        sentence
    }

    pub fn sentence_en(&self) -> String {
        self.sentence(Locale::en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(role: AppearanceRole, cue: &str, reporters: &[&[&str]]) -> AttributionChain {
        AttributionChain {
            speaker: "Government of the United States".into(),
            cue_verb: Some(cue.into()),
            role,
            reporters: reporters
                .iter()
                .map(|hop| hop.iter().map(|n| n.to_string()).collect())
                .collect(),
            carrier: "Kompas TV".into(),
        }
    }

    #[test]
    fn a_relayed_report_names_the_original_reporter_first() {
        let c = chain(AppearanceRole::Relay, "menuduh", &[&["Associated Press"]]);
        assert_eq!(
            c.sentence_en(),
            "Government of the United States made this accusation — according to Associated Press, as relayed by Kompas TV."
        );
    }

    #[test]
    fn several_hops_and_several_sources_per_hop_read_in_order() {
        let c = chain(
            AppearanceRole::Relay,
            "said",
            &[&["RIA Novosti", "TASS"], &["Associated Press"]],
        );
        assert_eq!(
            c.sentence_en(),
            "Government of the United States said this — according to RIA Novosti and TASS, as relayed by Associated Press, as relayed by Kompas TV."
        );
    }

    #[test]
    fn a_direct_report_and_a_primary_source_read_simply() {
        let c = chain(AppearanceRole::Report, "membantah", &[]);
        assert_eq!(
            c.sentence_en(),
            "Government of the United States issued this denial — as reported by Kompas TV."
        );
        let c = chain(AppearanceRole::Primary, "said", &[]);
        assert_eq!(
            c.sentence_en(),
            "Government of the United States said this in Kompas TV."
        );
    }

    #[test]
    fn unknown_cue_verbs_fall_back_to_said() {
        assert_eq!(speech_act(Locale::en, Some("ujar")), "said this");
        assert_eq!(
            speech_act(Locale::en, Some("Menuduh")),
            "made this accusation"
        );
        assert_eq!(speech_act(Locale::en, None), "said this");
    }

    #[test]
    fn the_chain_reads_in_indonesian() {
        let c = chain(AppearanceRole::Relay, "menuduh", &[&["Associated Press"]]);
        assert_eq!(
            c.sentence(Locale::id),
            "Government of the United States melontarkan tuduhan ini — menurut Associated Press, sebagaimana diteruskan oleh Kompas TV."
        );
        let c = chain(
            AppearanceRole::Relay,
            "said",
            &[&["RIA Novosti", "TASS"], &["Associated Press"]],
        );
        assert!(c.sentence(Locale::id).contains(
            "menurut RIA Novosti dan TASS, sebagaimana diteruskan oleh Associated Press"
        ));
    }
}
