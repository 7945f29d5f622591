//! Compiles the translations in `locales/` into the `i18n` module (leptos_i18n): a key missing
//! from one language, or an interpolation argument used in one language only, is reported here.

use std::{error::Error, path::PathBuf};

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // English first: it is the language of last resort when the reader's choice is unknown.
    // `interpolate_display`: texts with values can also be built as plain strings (`td_string!`),
    // for attributes, meta tags and server-side messages.
    let options = ParseOptions::default().interpolate_display(true);
    let config = Config::new("en")?.add_locale("id")?.parse_options(options);
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}
