-- Prepaid token balances: credited by orders of token packs, drawn down by usage of dimensions with a token rate.

-- Token packs as catalog publishes them (catalog.articles): what one ordered unit credits, with whom.
create table token_article (
    article_id      varchar(64)     primary key,
    vendor_id       varchar(64)     not null,
    tokens          numeric(19, 6),           -- null: not a token pack
    source_version  bigint          not null
);

-- Each line of a processed order, credited once: PENDING until its article is known, then CREDITED or
-- NOT_TOKENS. The primary key is what makes a redelivered or re-published order credit nothing more.
create table token_credit (
    transaction_id  varchar(64)     not null,
    line            int             not null,
    customer_id     varchar(64)     not null,
    article_id      varchar(64)     not null,
    quantity        int             not null,
    state           varchar(16)     not null check (state in ('PENDING', 'CREDITED', 'NOT_TOKENS')),
    vendor_id       varchar(64),
    tokens          numeric(25, 6),
    received_at     timestamptz     not null,
    credited_at     timestamptz,
    primary key (transaction_id, line)
);
create index token_credit_pending on token_credit (article_id) where state = 'PENDING';

-- One customer's tokens with one vendor. low: the balance went below the threshold and balance.low was
-- published; a credit that lifts it to the threshold or above clears it.
create table token_balance (
    customer_id     varchar(64)     not null,
    vendor_id       varchar(64)     not null,
    purchased       numeric(38, 12) not null default 0,
    consumed        numeric(38, 12) not null default 0,
    low             boolean         not null default false,
    updated_at      timestamptz     not null,
    primary key (customer_id, vendor_id)
);

-- Tokens drawn per UTC day the usage happened, for the 7- and 30-day consumption and the run-out projection.
create table token_consumption (
    customer_id     varchar(64)     not null,
    vendor_id       varchar(64)     not null,
    day             date            not null,
    tokens          numeric(38, 12) not null,
    primary key (customer_id, vendor_id, day)
);
