-- One number that changes whenever anything the public can see changes: public responses carry
-- it in their ETag, so a reader's cache revalidates with a 304 until the data really changes.
-- A row (not a sequence) so that the new number becomes visible in the same commit as the data.

create table site_version (
    singleton boolean primary key default true check (singleton),
    version   bigint not null default 1
);
insert into site_version default values;

create function bump_site_version() returns trigger language plpgsql as $$
begin
    update site_version set version = version + 1;
    return null;
end;
$$;

-- Everything a public page, the API, the feed or the sitemap reads.
do $$
declare
    t text;
begin
    foreach t in array array['claim', 'claim_tag', 'appearance', 'relation', 'entity', 'entity_alias',
                             'source', 'source_snapshot', 'source_citation', 'rating', 'correction']
    loop
        execute format(
            'create trigger %I after insert or update or delete or truncate on %I
                 for each statement execute function bump_site_version()',
            t || '_bumps_site_version', t);
    end loop;
end;
$$;
