//! The attribution chain: who said it, who reported it, who relayed that report.
//! Derived from appearances and source citations, never typed by hand, and rendered as a sentence:
//! "The Government of the United States made this accusation — according to Associated Press,
//! as relayed by Kompas TV."

use serde::{Deserialize, Serialize};

use super::AppearanceRole;

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

/// The English phrase for what a cue verb says the speaker did ("menuduh" → an accusation).
pub fn speech_act_en(cue_verb: Option<&str>) -> &'static str {
    let cue = cue_verb.unwrap_or("").trim().to_lowercase();
    match cue.as_str() {
        "menuduh" | "accused" | "accuses" | "accuse" => "made this accusation",
        "membantah" | "denied" | "denies" | "deny" | "menyangkal" => "issued this denial",
        "mengonfirmasi" | "membenarkan" | "confirmed" | "confirms" => "confirmed this",
        "melaporkan" | "laporan" | "reported" | "reports" => "reported this",
        "berjanji" | "promised" | "pledged" => "made this promise",
        "mengkritik" | "criticised" | "criticized" => "made this criticism",
        "menyatakan" | "stated" | "declared" => "stated this",
        _ => "said this",
    }
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

impl AttributionChain {
    /// The chain as one readable English sentence.
    pub fn sentence_en(&self) -> String {
        let act = speech_act_en(self.cue_verb.as_deref());
        if self.role == AppearanceRole::Primary {
            return format!("{} {} in {}.", self.speaker, act, self.carrier);
        }
        let hops: Vec<&Vec<String>> = self
            .reporters
            .iter()
            .filter(|hop| !hop.is_empty())
            .collect();
        let Some((first, relays)) = hops.split_first() else {
            return format!(
                "{} {} — as reported by {}.",
                self.speaker, act, self.carrier
            );
        };
        let mut sentence = format!(
            "{} {} — according to {}",
            self.speaker,
            act,
            join_names(first)
        );
        for hop in relays {
            sentence.push_str(&format!(", as relayed by {}", join_names(hop)));
        }
        sentence.push_str(&format!(", as relayed by {}.", self.carrier));
        sentence
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
        assert_eq!(speech_act_en(Some("ujar")), "said this");
        assert_eq!(speech_act_en(Some("Menuduh")), "made this accusation");
        assert_eq!(speech_act_en(None), "said this");
    }
}
