-- Public search: full-text over claims with the stemming of each claim's language, and
-- case-, accent- and typo-tolerant matching of entity names and aliases.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- The text search configuration for a claim language. Unknown languages get `simple` (no
-- stemming, no stop words) so their words are still found as written.
create function claim_search_config(language text) returns regconfig
    language sql immutable parallel safe
    return case language
        when 'id' then 'pg_catalog.indonesian'::regconfig
        when 'en' then 'pg_catalog.english'::regconfig
        else 'pg_catalog.simple'::regconfig
    end;

-- Names folded for comparison: lower case, accents removed ("Peskov" = "peskov", "Jose" = "José").
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes this
-- wrapper safe to declare IMMUTABLE, which indexes need.
create function search_folded(value text) returns text
    language sql immutable parallel safe strict
    return lower(public.unaccent('public.unaccent'::regdictionary, value));

-- Headline and text in the claim's language, the translation in its own; headline ranks highest.
alter table claim add column search_vector tsvector generated always as (
    setweight(to_tsvector(claim_search_config(language), coalesce(headline, '')), 'A')
    || setweight(to_tsvector(claim_search_config(language), text), 'B')
    || setweight(to_tsvector(claim_search_config(coalesce(translation_language, language)),
                             coalesce(translation, '')), 'C')
) stored;
create index claim_search_idx on claim using gin (search_vector);

create index entity_name_trgm_idx on entity using gin (search_folded(name) gin_trgm_ops);
create index entity_alias_trgm_idx on entity_alias using gin (search_folded(alias) gin_trgm_ops);
-- Filters of the public listing.
create index claim_language_idx on claim (language);
create index claim_claimed_on_idx on claim (claimed_on);
