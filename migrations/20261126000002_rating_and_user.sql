-- The organisation's rating scale and the people who use the desk.

create table rating (
    rating_id      bigint generated always as identity primary key,
    slug           text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 120),
    label_en       text not null check (char_length(label_en) between 1 and 60),
    label_id       text not null check (char_length(label_id) between 1 and 60),
    colour         text not null check (colour ~ '^#[0-9a-f]{6}$'),
    -- schema.org ratingValue on a 1 (worst) – 5 (best) scale; null where no value applies.
    rating_value   smallint check (rating_value between 1 and 5),
    explanation_en text not null check (char_length(explanation_en) between 1 and 2000),
    explanation_id text not null check (char_length(explanation_id) between 1 and 2000),
    sort_order     integer not null,
    -- A retired rating can no longer be proposed but stays valid on the claims that carry it.
    retired        boolean not null default false,
    version        integer not null default 1 check (version >= 1),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

insert into rating (slug, label_en, label_id, colour, rating_value, sort_order, explanation_en, explanation_id) values
    ('true', 'True', 'Benar', '#1a7f37', 5, 10,
     'The statement is accurate and nothing significant is missing.',
     'Pernyataan akurat dan tidak ada hal penting yang terlewat.'),
    ('mostly-true', 'Mostly true', 'Sebagian benar', '#4d9a3a', 4, 20,
     'The statement is accurate but needs clarification or additional information.',
     'Pernyataan akurat tetapi memerlukan klarifikasi atau informasi tambahan.'),
    ('mixed', 'Mixed', 'Campuran', '#b08800', 3, 30,
     'The statement is partly accurate and partly inaccurate.',
     'Sebagian pernyataan akurat dan sebagian lainnya tidak akurat.'),
    ('mostly-false', 'Mostly false', 'Sebagian keliru', '#c4561d', 2, 40,
     'The statement contains an element of truth but ignores facts that would give a different impression.',
     'Pernyataan mengandung unsur kebenaran tetapi mengabaikan fakta yang akan memberi kesan berbeda.'),
    ('false', 'False', 'Keliru', '#b42318', 1, 50,
     'The statement is not accurate.',
     'Pernyataan tidak akurat.'),
    ('unproven', 'Unproven', 'Belum terbukti', '#6e6e73', null, 60,
     'The available evidence neither confirms nor refutes the statement.',
     'Bukti yang tersedia belum dapat memastikan atau membantah pernyataan.'),
    ('not-rated', 'Not rated', 'Belum dinilai', '#8c8c8c', null, 70,
     'The statement is an opinion, a promise or a prediction, or has not been assessed for accuracy.',
     'Pernyataan berupa opini, janji atau prakiraan, atau belum dinilai akurasinya.');

create type user_role as enum ('fact_checker', 'editor', 'admin');

create table app_user (
    app_user_id   bigint generated always as identity primary key,
    username      text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    display_name  text not null check (char_length(display_name) between 1 and 100),
    role          user_role not null,
    -- Null: the account cannot log in (e.g. the demo data's record-keeping accounts).
    password_hash text check (password_hash like '$argon2id$%'),
    disabled_at   timestamptz,
    version       integer not null default 1 check (version >= 1),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
