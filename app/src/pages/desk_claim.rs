//! `/desk/claims/new` and `/desk/claims/{id}` — the claim editor: fields, workflow, appearances
//! with excerpts chosen in the source's text, relations, and the judgements (proposals and
//! decisions). Each form is a server function; the server decides what each role may do.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::accounts::{CurrentUser, UserRole};
use crate::claims::edit::{
    get_desk_claim, search_desk_claims, AddAppearance, AddRelation, CreateClaim, DeskClaim,
    RemoveRelation, UpdateClaim,
};
use crate::claims::form::ClaimForm;
use crate::claims::workflow::{PublishClaim, RetractClaim, ReturnClaim, SubmitClaim};
use crate::claims::{AppearanceRole, AttributionStatus, EditorialState, RelationKind};
use crate::components::badges::{AttributionBadge, VerdictBadge};
use crate::components::claim_fields::ClaimFields;
use crate::components::desk::{
    action_done, action_error, DeskPage, FieldError, FormOutcome, StaleEditPanel,
};
use crate::components::error_view::ErrorView;
use crate::components::proposal_card::ProposalCard;
use crate::entities::edit::CreateEntity;
use crate::entities::EntityKind;
use crate::i18n::{t, td_string, use_i18n, Locale};
use crate::language::page_locale;
use crate::proposals::{get_claim_judgements, DecideProposal, JudgementAxis, ProposeJudgement};
use crate::sources::edit::{get_desk_source, list_desk_sources};

#[component]
pub fn NewClaimPage() -> impl IntoView {
    let create = ServerAction::<CreateClaim>::new();
    let error = action_error(create);
    let i18n = use_i18n();
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, desk.claim.new_title).into() class="desk-claim" children=move |_user| {
            view! {
                <h1>{t!(i18n, desk.claim.new_title)}</h1>
                <p class="lede">{t!(i18n, desk.claim.new_lede)}</p>
                <FormOutcome error done=action_done(create) ok=td_string!(locale, desk.claim.created) />
                <ActionForm action=create attr:class="desk-form">
                    <ClaimFields current=ClaimForm { language: "id".into(), kind: "direct_quote".into(), ..ClaimForm::default() } error />
                    <button type="submit">{t!(i18n, desk.claim.save_draft)}</button>
                </ActionForm>
                <NewEntityForm />
            }
        } />
    }
}

/// Resources live here, above every Suspense: created inside one, they would be made twice during
/// server rendering, lose the request context, and the browser would hydrate the wrong data.
#[component]
pub fn DeskClaimPage() -> impl IntoView {
    let params = use_params_map();
    let claim_id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let actions = EditorActions::new();
    let claim = Resource::new_blocking(
        move || (claim_id.get(), actions.versions()),
        |(id, _)| get_desk_claim(id),
    );
    let judgements = Resource::new_blocking(
        move || (claim_id.get(), actions.versions()),
        |(id, _)| get_claim_judgements(id),
    );
    let query = use_query_map();
    // The source whose text is shown for selecting the excerpt (`?source=` without JavaScript).
    let chosen = RwSignal::new(
        query
            .read_untracked()
            .get("source")
            .and_then(|s| s.parse::<i64>().ok()),
    );
    let source_text = SourceText {
        chosen,
        sources: Resource::new_blocking(|| (), |_| list_desk_sources(String::new())),
        text: Resource::new_blocking(
            move || chosen.get(),
            |source| async move {
                match source {
                    Some(id) => get_desk_source(id).await.map(|s| s.latest),
                    None => Ok(None),
                }
            },
        ),
    };
    let locale = page_locale();
    view! {
        <DeskPage title=td_string!(locale, desk.claim.editor_title).into() class="desk-claim" children=move |user| {
            view! { <ClaimEditor user claim judgements actions source_text /> }
        } />
    }
}

type ClaimResource = Resource<Result<DeskClaim, crate::error::AppError>>;
type JudgementsResource =
    Resource<Result<crate::proposals::ClaimJudgements, crate::error::AppError>>;

/// The source list and the chosen source's captured text, for the appearance form.
#[derive(Clone, Copy)]
struct SourceText {
    chosen: RwSignal<Option<i64>>,
    sources: Resource<Result<Vec<crate::sources::edit::SourcePick>, crate::error::AppError>>,
    text: Resource<Result<Option<crate::sources::edit::SnapshotText>, crate::error::AppError>>,
}

/// Every action of the editor page; the claim reloads after any of them.
#[derive(Clone, Copy)]
struct EditorActions {
    update: ServerAction<UpdateClaim>,
    submit: ServerAction<SubmitClaim>,
    ret: ServerAction<ReturnClaim>,
    publish: ServerAction<PublishClaim>,
    retract: ServerAction<RetractClaim>,
    appearance: ServerAction<AddAppearance>,
    relation: ServerAction<AddRelation>,
    unrelate: ServerAction<RemoveRelation>,
    propose: ServerAction<ProposeJudgement>,
    decide: ServerAction<DecideProposal>,
}

impl EditorActions {
    fn new() -> Self {
        EditorActions {
            update: ServerAction::new(),
            submit: ServerAction::new(),
            ret: ServerAction::new(),
            publish: ServerAction::new(),
            retract: ServerAction::new(),
            appearance: ServerAction::new(),
            relation: ServerAction::new(),
            unrelate: ServerAction::new(),
            propose: ServerAction::new(),
            decide: ServerAction::new(),
        }
    }

    /// Changes whenever any action has completed.
    fn versions(&self) -> Vec<usize> {
        vec![
            self.update.version().get(),
            self.submit.version().get(),
            self.ret.version().get(),
            self.publish.version().get(),
            self.retract.version().get(),
            self.appearance.version().get(),
            self.relation.version().get(),
            self.unrelate.version().get(),
            self.propose.version().get(),
            self.decide.version().get(),
        ]
    }
}

#[component]
fn ClaimEditor(
    user: CurrentUser,
    claim: ClaimResource,
    judgements: JudgementsResource,
    actions: EditorActions,
    source_text: SourceText,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // A Transition keeps the editor on screen while it reloads after an action. It awaits (a
        // `Suspend`) so that the server render waits for the data; no section below creates a
        // server resource (the page made them all, see DeskPage).
        <Transition fallback=move || view! { <p class="loading">{t!(i18n, claim.loading)}</p> }>
            {move || {
                let user = user.clone();
                Suspend::new(async move {
                // Everything the editor shows arrives together: no Suspense nested below this one.
                let loaded = (claim.await, judgements.await, source_text.sources.await, source_text.text.await);
                match loaded {
                    (Ok(claim), Ok(judgements), Ok(sources), Ok(text)) => view! {
                        <ClaimHeader claim=claim.clone() />
                        <WorkflowPanel claim=claim.clone() user=user.clone() actions />
                        <FieldsSection claim=claim.clone() actions />
                        <AppearancesSection claim=claim.clone() actions chosen=source_text.chosen sources text />
                        <RelationsSection claim=claim.clone() actions />
                        <JudgementsSection claim=claim.clone() user proposals=judgements.proposals ratings=judgements.ratings actions />
                        <p><a href=format!("/desk/audit?object_type=claim&object_id={}", claim.claim_id)>{t!(i18n, desk.claim.history_link)}</a></p>
                    }
                    .into_any(),
                    (Err(error), ..) | (_, Err(error), ..) | (_, _, Err(error), _) | (.., Err(error)) => {
                        view! { <ErrorView error /> }.into_any()
                    }
                }
                })
            }}
        </Transition>
    }
}

#[component]
fn ClaimHeader(claim: DeskClaim) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let state = claim.editorial_state;
    view! {
        <p class="eyebrow">
            <span class=format!("state state--{}", state.as_str()) data-state=state.as_str()>{state.label(locale)}</span>
            {claim.author.clone().map(|name| view! { <span class="muted">" · " {td_string!(locale, desk.common.by, name).to_string()}</span> })}
        </p>
        <h1>{claim.title()}</h1>
        <p class="muted">{claim.speaker_name.clone()}</p>
        <div class="badges">
            <VerdictBadge verdict=claim.verdict.clone() />
            <AttributionBadge status=claim.attribution_status />
        </div>
        {matches!(state, EditorialState::Published | EditorialState::Retracted).then(|| view! {
            <p><a href=format!("/claims/{}", claim.slug)>{t!(i18n, desk.claim.public_page_link)}</a></p>
        })}
        {claim.retraction_note.clone().map(|note| view! { <p class="retraction">{t!(i18n, claim.retracted)} ": " {note}</p> })}
    }
}

/// Submit, return with a note, publish, retract with a note — whichever applies.
#[component]
fn WorkflowPanel(claim: DeskClaim, user: CurrentUser, actions: EditorActions) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let editor = user.role == UserRole::Editor;
    let author = claim.author_id == Some(user.user_id);
    let (id, version) = (claim.claim_id, claim.version);
    let errors = Signal::derive(move || {
        action_error(actions.submit)
            .get()
            .or_else(|| action_error(actions.ret).get())
            .or_else(|| action_error(actions.publish).get())
            .or_else(|| action_error(actions.retract).get())
    });
    let forms = match claim.editorial_state {
        EditorialState::Draft if author || editor => view! {
            <ActionForm action=actions.submit attr:class="inline-form">
                <input type="hidden" name="claim_id" value=id />
                <input type="hidden" name="version" value=version />
                <button type="submit">{t!(i18n, desk.workflow.submit)}</button>
            </ActionForm>
        }
        .into_any(),
        EditorialState::InReview if editor => view! {
            <ActionForm action=actions.publish attr:class="inline-form">
                <input type="hidden" name="claim_id" value=id />
                <input type="hidden" name="version" value=version />
                <button type="submit">{t!(i18n, desk.workflow.publish)}</button>
            </ActionForm>
            <ActionForm action=actions.ret attr:class="desk-form">
                <input type="hidden" name="claim_id" value=id />
                <input type="hidden" name="version" value=version />
                <label for="return-note">{t!(i18n, desk.workflow.return_label)}</label>
                <textarea id="return-note" name="note" rows="2" required></textarea>
                <FieldError error=errors field="note" />
                <button type="submit">{t!(i18n, desk.workflow.return_button)}</button>
            </ActionForm>
        }
        .into_any(),
        EditorialState::Published if editor => view! {
            <details class="retract">
                <summary>{t!(i18n, desk.workflow.retract_summary)}</summary>
                <ActionForm action=actions.retract attr:class="desk-form">
                    <input type="hidden" name="claim_id" value=id />
                    <input type="hidden" name="version" value=version />
                    <label for="retract-note">{t!(i18n, desk.workflow.retract_note)}</label>
                    <textarea id="retract-note" name="note" rows="2" required></textarea>
                    <FieldError error=errors field="note" />
                    <button type="submit">{t!(i18n, desk.workflow.retract_button)}</button>
                </ActionForm>
            </details>
        }
        .into_any(),
        EditorialState::InReview => {
            view! { <p class="muted">{t!(i18n, desk.workflow.waiting)}</p> }.into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <section class="workflow" aria-label=td_string!(locale, desk.workflow.label)>
            {forms}
            {move || errors.get().filter(|e| e.problem_with("note").is_none()).map(|e| view! { <p class="form-error" role="alert">{e.message(locale)}</p> })}
        </section>
    }
}

#[component]
fn FieldsSection(claim: DeskClaim, actions: EditorActions) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let error = action_error(actions.update);
    let published = claim.editorial_state == EditorialState::Published;
    let current = claim.form.values();
    view! {
        <section aria-labelledby="fields-heading">
            <h2 id="fields-heading">{t!(i18n, desk.claim.fields_heading)}</h2>
            <FormOutcome error done=action_done(actions.update) ok=td_string!(locale, desk.common.saved) />
            <StaleEditPanel error current />
            <ActionForm action=actions.update attr:class="desk-form">
                <input type="hidden" name="claim_id" value=claim.claim_id />
                <input type="hidden" name="version" value=claim.version />
                <ClaimFields current=claim.form.clone() error />
                {published.then(|| view! {
                    <div class="field">
                        <label for="correction-note">{t!(i18n, desk.common.correction_note_public)}</label>
                        <span class="hint">{t!(i18n, desk.claim.correction_hint)}</span>
                        <textarea id="correction-note" name="correction_note" rows="2"></textarea>
                        <FieldError error field="correction_note" />
                    </div>
                })}
                <button type="submit">{if published { td_string!(locale, desk.claim.save_correction) } else { td_string!(locale, desk.common.save) }}</button>
            </ActionForm>
            <NewEntityForm />
        </section>
    }
}

/// "Speaker not listed?": create an entity without leaving the page; its slug goes into the
/// speaker field by hand (or the search finds it at once).
#[component]
fn NewEntityForm() -> impl IntoView {
    let create = ServerAction::<CreateEntity>::new();
    let error = action_error(create);
    let i18n = use_i18n();
    let locale = page_locale();
    let kinds = EntityKind::ALL
        .iter()
        .map(|k| view! { <option value=k.as_str()>{k.label(locale)}</option> })
        .collect_view();
    view! {
        <details class="new-entity">
            <summary>{t!(i18n, desk.claim.new_speaker_summary)}</summary>
            <ActionForm action=create attr:class="desk-form">
                <input type="hidden" name="stay" value="true" />
                <div class="field">
                    <label for="entity-name">{t!(i18n, desk.common.name)}</label>
                    <input id="entity-name" name="form[name]" required maxlength="200" />
                    <FieldError error field="name" />
                    <FieldError error field="slug" />
                </div>
                <div class="field">
                    <label for="entity-kind">{t!(i18n, desk.common.kind)}</label>
                    <select id="entity-kind" name="form[kind]">{kinds}</select>
                </div>
                <div class="field">
                    <label for="entity-aliases">{t!(i18n, desk.claim.new_speaker_aliases)}</label>
                    <textarea id="entity-aliases" name="form[aliases]" rows="2"></textarea>
                    <FieldError error field="aliases" />
                </div>
                <button type="submit">{t!(i18n, desk.claim.create_speaker)}</button>
                {move || match create.value().get() {
                    Some(Ok(slug)) => view! { <p class="form-ok" role="status">{t!(i18n, desk.claim.speaker_created_before)} " " <code>{slug}</code> {t!(i18n, desk.claim.speaker_created_after)}</p> }.into_any(),
                    Some(Err(e)) if !matches!(e, crate::error::AppError::Invalid(_)) => view! { <p class="form-error" role="alert">{e.message(locale)}</p> }.into_any(),
                    _ => ().into_any(),
                }}
            </ActionForm>
        </details>
    }
}

#[component]
fn AppearancesSection(
    claim: DeskClaim,
    actions: EditorActions,
    /// The source whose text is shown; choosing another reloads the editor with its text.
    chosen: RwSignal<Option<i64>>,
    sources: Vec<crate::sources::edit::SourcePick>,
    text: Option<crate::sources::edit::SnapshotText>,
) -> impl IntoView {
    let exact = RwSignal::new(String::new());
    let start = RwSignal::new(String::new());
    let error = action_error(actions.appearance);
    let snapshot_ref = NodeRef::<leptos::html::Div>::new();
    let take_selection = move || {
        #[cfg(feature = "hydrate")]
        if let Some(container) = snapshot_ref.get() {
            if let Some((text, offset)) = selected_excerpt(&container) {
                exact.set(text);
                start.set(offset.to_string());
            }
        }
    };
    let i18n = use_i18n();
    let locale = page_locale();
    let role_options = AppearanceRole::ALL
        .iter()
        .map(|r| view! { <option value=r.as_str()>{r.label(locale)}</option> })
        .collect_view();
    view! {
        <section aria-labelledby="appearances-heading">
            <h2 id="appearances-heading">{t!(i18n, claim.appearances_heading)}</h2>
            <ul class="appearances">
                {claim.appearances.iter().map(|a| view! {
                    <li>
                        <q>{a.exact.clone()}</q>
                        <span class="muted">
                            " — " <a href=format!("/desk/sources/{}", a.source_id)>{a.source_title.clone()}</a>
                            " · " {a.role.label(locale)}
                            {a.cue_verb.clone().map(|v| format!(" · “{v}”"))}
                            {a.snapshot_number.map(|number| format!(" · {}", td_string!(locale, desk.claim.anchored, number)))}
                        </span>
                    </li>
                }).collect_view()}
            </ul>
            <h3>{t!(i18n, desk.claim.add_appearance_heading)}</h3>
            // Without JavaScript, this GET form reloads the page with the source's text shown.
            <form method="get" class="inline-form" on:submit=|ev| ev.prevent_default()>
                <label for="appearance-source">{t!(i18n, desk.claim.source)}</label>
                {
                        view! {
                            <select id="appearance-source" name="source"
                                on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                                <option value="">{t!(i18n, desk.claim.choose_source)}</option>
                                {sources.into_iter().map(|s| view! {
                                    <option value=s.source_id selected=chosen.get_untracked() == Some(s.source_id)>
                                        {source_label(locale, &s)}
                                    </option>
                                }).collect_view()}
                            </select>
                        }
                }
                // Needed without JavaScript; with it, choosing a source shows its text at once.
                <button type="submit">{t!(i18n, desk.claim.show_text)}</button>
                <a href="/desk/sources/new">{t!(i18n, desk.sources.new_heading)}</a>
            </form>
            {
                    match text {
                        Some(snapshot) => view! {
                            <p class="hint">{td_string!(locale, desk.claim.select_hint, number = snapshot.snapshot_number).to_string()}</p>
                            <div class="snapshot" node_ref=snapshot_ref tabindex="0"
                                on:mouseup=move |_| take_selection() on:keyup=move |_| take_selection()>{snapshot.body}</div>
                        }.into_any(),
                        None if chosen.get_untracked().is_some() => view! {
                            <p class="hint">{t!(i18n, desk.claim.no_text_hint)}</p>
                        }.into_any(),
                        _ => ().into_any(),
                    }
            }
            <ActionForm action=actions.appearance attr:class="desk-form">
                <input type="hidden" name="claim_id" value=claim.claim_id />
                <input type="hidden" name="source_id" prop:value=move || chosen.get().map(|c| c.to_string()).unwrap_or_default() />
                <input type="hidden" name="start_offset" prop:value=move || start.get() />
                <FieldError error field="source_id" />
                <div class="field">
                    <label for="appearance-exact">{t!(i18n, desk.claim.excerpt)}</label>
                    <textarea id="appearance-exact" name="exact" rows="3" required prop:value=move || exact.get()
                        on:input=move |ev| { exact.set(event_target_value(&ev)); start.set(String::new()); }></textarea>
                    <FieldError error field="exact" />
                </div>
                <div class="field">
                    <label for="appearance-role">{t!(i18n, desk.claim.role_label)}</label>
                    <select id="appearance-role" name="role">{role_options}</select>
                </div>
                <div class="field">
                    <label for="appearance-cue">{t!(i18n, desk.claim.cue_verb)}</label>
                    <span class="hint">{t!(i18n, desk.claim.cue_hint)}</span>
                    <input id="appearance-cue" name="cue_verb" maxlength="60" />
                    <FieldError error field="cue_verb" />
                </div>
                <button type="submit">{t!(i18n, desk.claim.add_appearance)}</button>
                <FormOutcome error done=action_done(actions.appearance) ok=td_string!(locale, desk.claim.appearance_added) />
            </ActionForm>
        </section>
    }
}

/// One line of text per option: "Title — Outlet (text captured)".
fn source_label(locale: Locale, source: &crate::sources::edit::SourcePick) -> String {
    let outlet = source
        .outlet_name
        .as_ref()
        .map(|o| format!(" — {o}"))
        .unwrap_or_default();
    let captured = if source.has_snapshot {
        format!(" ({})", td_string!(locale, desk.claim.text_captured))
    } else {
        String::new()
    };
    format!("{}{outlet}{captured}", source.title)
}

/// The selected text inside `container` and where it starts, in characters from the start of
/// the container's text (what the server's excerpt anchoring counts in).
#[cfg(feature = "hydrate")]
fn selected_excerpt(container: &web_sys::HtmlDivElement) -> Option<(String, usize)> {
    let selection = window().get_selection().ok()??;
    if selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start_node = range.start_container().ok()?;
    if !container.contains(Some(&start_node)) {
        return None;
    }
    let selected: String = range.to_string().into();
    let before = document().create_range().ok()?;
    before.select_node_contents(container).ok()?;
    before
        .set_end(&start_node, range.start_offset().ok()?)
        .ok()?;
    let before: String = before.to_string().into();
    let leading = selected.chars().take_while(|c| c.is_whitespace()).count();
    let trimmed = selected.trim().to_owned();
    (!trimmed.is_empty()).then(|| (trimmed, before.chars().count() + leading))
}

#[component]
fn RelationsSection(claim: DeskClaim, actions: EditorActions) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let error = action_error(actions.relation);
    let unrelate_error = action_error(actions.unrelate);
    let published = claim.editorial_state == EditorialState::Published;
    let target = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let own_id = claim.claim_id;
    // Client-only: the search runs as the user types and is never part of the server render.
    let hits = LocalResource::new(move || {
        let q = query.get();
        async move {
            if q.trim().chars().count() < 2 {
                Ok(Vec::new())
            } else {
                search_desk_claims(q).await
            }
        }
    });
    let kinds = RelationKind::ALL
        .iter()
        .map(|k| {
            let relation = k.outgoing_label(locale).to_lowercase();
            view! { <option value=k.as_str()>{td_string!(locale, desk.claim.relation_option, relation).to_string()}</option> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="relations-heading">
            <h2 id="relations-heading">{t!(i18n, claim.related_heading)}</h2>
            <ul class="relations">
                {claim.relations.clone().into_iter().map(|r| {
                    let label = if r.incoming { r.kind.incoming_label(locale) } else { r.kind.outgoing_label(locale) };
                    let removable = !r.incoming;
                    let relation_id = r.relation_id;
                    view! {
                        <li>
                            <strong>{label}</strong> " "
                            <a href=format!("/desk/claims/{}", r.other_claim_id)>{r.other_title.clone()}</a>
                            {r.note.clone().map(|n| view! { <span class="muted">" — " {n}</span> })}
                            {removable.then(|| view! {
                                <ActionForm action=actions.unrelate attr:class="inline-form">
                                    <input type="hidden" name="relation_id" value=relation_id />
                                    {published.then(|| view! {
                                        <label class="sr-only" for=format!("unrelate-{relation_id}")>{t!(i18n, desk.claim.correction_note)}</label>
                                        <input id=format!("unrelate-{relation_id}") name="correction_note" placeholder=td_string!(locale, desk.claim.public_correction_note) required />
                                    })}
                                    <button type="submit" class="link-button">{t!(i18n, desk.claim.remove)}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || unrelate_error.get().map(|e| view! { <p class="form-error" role="alert">{e.problem_with("correction_note").unwrap_or_else(|| e.message(locale))}</p> })}
            <h3>{t!(i18n, desk.claim.link_heading)}</h3>
            <ActionForm action=actions.relation attr:class="desk-form">
                <input type="hidden" name="claim_id" value=claim.claim_id />
                <div class="field">
                    <label for="relation-kind">{t!(i18n, desk.claim.relation)}</label>
                    <select id="relation-kind" name="kind">{kinds}</select>
                </div>
                <div class="field">
                    <label for="relation-target">{t!(i18n, desk.claim.other_claim)}</label>
                    <input id="relation-target" name="target" required prop:value=move || target.get()
                        on:input=move |ev| target.set(event_target_value(&ev)) />
                    <FieldError error field="target" />
                    <label class="sr-only" for="relation-search">{t!(i18n, desk.claim.search_claims)}</label>
                    <input id="relation-search" type="search" autocomplete="off" placeholder=td_string!(locale, desk.claim.search_claims_placeholder)
                        on:input=move |ev| query.set(event_target_value(&ev)) />
                    {move || {
                            // Read only once something is typed: a LocalResource never resolves on the
                    // server, and reading it there would hold the page's Suspense on its fallback.
                    let hits = if query.with(|q| q.trim().chars().count() < 2) {
                        Vec::new()
                    } else {
                        hits.get().and_then(Result::ok).unwrap_or_default()
                    };
                            view! {
                                <ul class="picker-results" aria-live="polite">
                                    {hits.into_iter().filter(|h| h.claim_id != own_id).map(|hit| {
                                        let slug = hit.slug.clone();
                                        view! {
                                            <li><button type="button" class="link-button" on:click=move |_| { target.set(slug.clone()); query.set(String::new()); }>
                                                {hit.title.clone()} <span class="muted">" — " {hit.speaker_name.clone()} " · " {hit.editorial_state.label(locale)}</span>
                                            </button></li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }
                        }}
                </div>
                <div class="field">
                    <label for="relation-note">{t!(i18n, desk.claim.note_optional)}</label>
                    <input id="relation-note" name="note" maxlength="2000" />
                    <FieldError error field="note" />
                </div>
                {published.then(|| view! {
                    <div class="field">
                        <label for="relation-correction">{t!(i18n, desk.common.correction_note_public)}</label>
                        <textarea id="relation-correction" name="correction_note" rows="2"></textarea>
                        <FieldError error field="correction_note" />
                    </div>
                })}
                <button type="submit">{t!(i18n, desk.claim.link_button)}</button>
                <FormOutcome error done=action_done(actions.relation) ok=td_string!(locale, desk.claim.linked) />
            </ActionForm>
        </section>
    }
}

#[component]
fn JudgementsSection(
    claim: DeskClaim,
    user: CurrentUser,
    proposals: Vec<crate::proposals::ProposalView>,
    ratings: Vec<crate::ratings::Rating>,
    actions: EditorActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = page_locale();
    let error = action_error(actions.propose);
    let mut sources: Vec<(i64, String)> = claim
        .appearances
        .iter()
        .map(|a| (a.source_id, a.source_title.clone()))
        .collect();
    sources.sort();
    sources.dedup();
    let axis = RwSignal::new(JudgementAxis::Verdict);
    let rating_options = ratings
        .iter()
        .map(|r| view! { <option value=r.slug.clone()>{r.label(locale).to_owned()}</option> })
        .collect_view();
    let status_options = AttributionStatus::ALL
        .iter()
        .map(|s| view! { <option value=s.as_str()>{s.label(locale)}</option> })
        .collect_view();
    let retracted = claim.editorial_state == EditorialState::Retracted;
    view! {
        <section aria-labelledby="judgements-heading">
            <h2 id="judgements-heading">{t!(i18n, desk.claim.judgements_heading)}</h2>
            <p class="hint">{t!(i18n, desk.claim.judgements_hint)}</p>
            <div class="proposals">
                {proposals.into_iter().map(|proposal| view! {
                    <ProposalCard proposal user=user.clone() decide=actions.decide />
                }).collect_view()}
            </div>
            {(!retracted).then(|| view! {
                <h3>{t!(i18n, desk.claim.propose_heading)}</h3>
                <ActionForm action=actions.propose attr:class="desk-form">
                    <input type="hidden" name="claim_id" value=claim.claim_id />
                    <fieldset>
                        <legend>{t!(i18n, desk.claim.which_judgement)}</legend>
                        <label><input type="radio" name="axis" value="verdict" checked=true
                            on:change=move |_| axis.set(JudgementAxis::Verdict) /> " " {t!(i18n, desk.claim.axis_verdict)}</label>
                        <label><input type="radio" name="axis" value="attribution_status"
                            on:change=move |_| axis.set(JudgementAxis::AttributionStatus) /> " " {t!(i18n, desk.claim.axis_attribution)}</label>
                    </fieldset>
                    // Both lists are in the page without JavaScript; with it, only the one that applies.
                    <div class="field">
                        <label for="propose-value">{t!(i18n, desk.claim.proposed_value)}</label>
                        <select id="propose-value" name="value">
                            <optgroup label=JudgementAxis::Verdict.label(locale) disabled=move || axis.get() != JudgementAxis::Verdict>{rating_options}</optgroup>
                            <optgroup label=JudgementAxis::AttributionStatus.label(locale) disabled=move || axis.get() != JudgementAxis::AttributionStatus>{status_options}</optgroup>
                        </select>
                        <FieldError error field="value" />
                    </div>
                    <div class="field">
                        <label for="propose-rationale">{t!(i18n, desk.claim.rationale)}</label>
                        <textarea id="propose-rationale" name="rationale" rows="4" required></textarea>
                        <FieldError error field="rationale" />
                    </div>
                    <fieldset>
                        <legend>{t!(i18n, desk.claim.evidence)}</legend>
                        {if sources.is_empty() {
                            view! { <p class="hint">{t!(i18n, desk.claim.evidence_none)}</p> }.into_any()
                        } else {
                            sources.into_iter().enumerate().map(|(i, (id, title))| view! {
                                <label class="check"><input type="checkbox" name=format!("evidence[{i}]") value=id /> " " {title}</label>
                            }).collect_view().into_any()
                        }}
                        <FieldError error field="evidence" />
                    </fieldset>
                    <button type="submit">{t!(i18n, desk.claim.propose)}</button>
                    <FormOutcome error done=action_done(actions.propose) ok=td_string!(locale, desk.claim.proposed) />
                </ActionForm>
            })}
        </section>
    }
}
