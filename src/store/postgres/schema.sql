-- PostgreSQL schema after every migration (pg_dump --schema-only, normalised).
-- Regenerate: HOOKLINE_UPDATE_SCHEMA=1 npx vitest run test/integration/postgres-migrations.test.ts

CREATE TABLE public.apps (
    id text NOT NULL COLLATE pg_catalog."C",
    name text NOT NULL,
    metadata text DEFAULT '{}'::text NOT NULL,
    api_key_hash text NOT NULL,
    viber_auth_token text,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    instance_settings text DEFAULT '{}'::text NOT NULL,
    viber_auth_token_digest text,
    uid text COLLATE pg_catalog."C"
);

CREATE TABLE public.attempts (
    id bigint NOT NULL,
    app_id text NOT NULL COLLATE pg_catalog."C",
    delivery_id bigint,
    message_id text NOT NULL COLLATE pg_catalog."C",
    endpoint_id text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL,
    duration_ms integer NOT NULL,
    status_code integer,
    response_headers text NOT NULL,
    response_body text NOT NULL,
    error_kind text,
    error_message text,
    test boolean DEFAULT false NOT NULL,
    request_headers text DEFAULT '{}'::text NOT NULL
);

ALTER TABLE public.attempts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.attempts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.bin_requests (
    id bigint NOT NULL,
    bin_id text NOT NULL COLLATE pg_catalog."C",
    method text NOT NULL,
    path text NOT NULL,
    query text NOT NULL,
    headers text NOT NULL,
    body bytea NOT NULL,
    body_size integer NOT NULL,
    body_truncated boolean NOT NULL,
    remote_address text NOT NULL,
    received_at bigint NOT NULL
);

ALTER TABLE public.bin_requests ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.bin_requests_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.bins (
    id text NOT NULL COLLATE pg_catalog."C",
    app_id text COLLATE pg_catalog."C",
    response_status integer NOT NULL,
    response_body text NOT NULL,
    response_content_type text NOT NULL,
    response_delay_ms integer NOT NULL,
    request_limit integer NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
);

CREATE TABLE public.bot_connections (
    id text NOT NULL COLLATE pg_catalog."C",
    app_id text NOT NULL COLLATE pg_catalog."C",
    story_id text NOT NULL,
    name text NOT NULL,
    url text NOT NULL,
    token text,
    headers text DEFAULT '{}'::text NOT NULL,
    auth_username text,
    auth_password text,
    timeout_ms integer,
    error_code text,
    error_message text,
    error_at bigint,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL
);

CREATE TABLE public.bot_invocations (
    id text NOT NULL COLLATE pg_catalog."C",
    app_id text NOT NULL COLLATE pg_catalog."C",
    connection_id text NOT NULL COLLATE pg_catalog."C",
    at bigint NOT NULL,
    latency_ms integer NOT NULL,
    status_code integer,
    outcome text NOT NULL,
    error text,
    message_id text
);

CREATE TABLE public.bot_stories (
    app_id text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    updated_at bigint NOT NULL
);

CREATE TABLE public.deliveries (
    id bigint NOT NULL,
    app_id text NOT NULL COLLATE pg_catalog."C",
    message_id text NOT NULL COLLATE pg_catalog."C",
    endpoint_id text NOT NULL COLLATE pg_catalog."C",
    state text NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at bigint,
    lease_until bigint,
    lease_token text,
    last_status integer,
    last_error text,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    ordering_key text,
    CONSTRAINT deliveries_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'delivering'::text, 'succeeded'::text, 'failed'::text, 'held'::text])))
);

ALTER TABLE public.deliveries ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.deliveries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.encryption_check (
    id text NOT NULL COLLATE pg_catalog."C",
    sealed text NOT NULL
);

CREATE TABLE public.endpoint_health (
    endpoint_id text NOT NULL,
    app_id text NOT NULL,
    consecutive_failures integer DEFAULT 0 NOT NULL,
    failing_since bigint,
    last_success_at bigint,
    last_error text
);

CREATE TABLE public.endpoint_health_deltas (
    id bigint NOT NULL,
    endpoint_id text NOT NULL,
    app_id text NOT NULL,
    succeeded_at bigint,
    failures integer NOT NULL,
    first_failure_at bigint,
    last_error text,
    gone boolean DEFAULT false NOT NULL
);

ALTER TABLE public.endpoint_health_deltas ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.endpoint_health_deltas_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.endpoint_stats (
    app_id text NOT NULL,
    endpoint_id text NOT NULL,
    resolution text NOT NULL,
    bucket_start bigint NOT NULL,
    succeeded bigint DEFAULT 0 NOT NULL,
    retrying bigint DEFAULT 0 NOT NULL,
    failed bigint DEFAULT 0 NOT NULL,
    l0 bigint DEFAULT 0 NOT NULL,
    l1 bigint DEFAULT 0 NOT NULL,
    l2 bigint DEFAULT 0 NOT NULL,
    l3 bigint DEFAULT 0 NOT NULL,
    l4 bigint DEFAULT 0 NOT NULL,
    l5 bigint DEFAULT 0 NOT NULL,
    l6 bigint DEFAULT 0 NOT NULL,
    l7 bigint DEFAULT 0 NOT NULL,
    l8 bigint DEFAULT 0 NOT NULL,
    l9 bigint DEFAULT 0 NOT NULL,
    l10 bigint DEFAULT 0 NOT NULL,
    l11 bigint DEFAULT 0 NOT NULL,
    l12 bigint DEFAULT 0 NOT NULL
);

CREATE TABLE public.endpoint_stats_deltas (
    id bigint NOT NULL,
    app_id text NOT NULL,
    endpoint_id text NOT NULL,
    resolution text NOT NULL,
    bucket_start bigint NOT NULL,
    succeeded bigint DEFAULT 0 NOT NULL,
    retrying bigint DEFAULT 0 NOT NULL,
    failed bigint DEFAULT 0 NOT NULL,
    l0 bigint DEFAULT 0 NOT NULL,
    l1 bigint DEFAULT 0 NOT NULL,
    l2 bigint DEFAULT 0 NOT NULL,
    l3 bigint DEFAULT 0 NOT NULL,
    l4 bigint DEFAULT 0 NOT NULL,
    l5 bigint DEFAULT 0 NOT NULL,
    l6 bigint DEFAULT 0 NOT NULL,
    l7 bigint DEFAULT 0 NOT NULL,
    l8 bigint DEFAULT 0 NOT NULL,
    l9 bigint DEFAULT 0 NOT NULL,
    l10 bigint DEFAULT 0 NOT NULL,
    l11 bigint DEFAULT 0 NOT NULL,
    l12 bigint DEFAULT 0 NOT NULL
);

ALTER TABLE public.endpoint_stats_deltas ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.endpoint_stats_deltas_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.endpoints (
    id text NOT NULL COLLATE pg_catalog."C",
    app_id text NOT NULL COLLATE pg_catalog."C",
    url text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    disabled boolean DEFAULT false NOT NULL,
    filter_types text,
    secrets text NOT NULL,
    headers text DEFAULT '{}'::text NOT NULL,
    timeout_ms integer,
    retry_policy text NOT NULL,
    ordering text NOT NULL,
    max_concurrency integer NOT NULL,
    rate_limit double precision,
    format text NOT NULL,
    format_options text DEFAULT '{}'::text NOT NULL,
    metadata text DEFAULT '{}'::text NOT NULL,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    verification text,
    disabled_reason text,
    disabled_at bigint,
    uid text COLLATE pg_catalog."C",
    payload_filter text,
    ordering_key_path text,
    propagate_trace_context boolean DEFAULT true NOT NULL,
    CONSTRAINT endpoints_disabled_reason_check CHECK ((disabled_reason = ANY (ARRAY['gone'::text, 'failing'::text, 'manual'::text]))),
    CONSTRAINT endpoints_ordering_check CHECK ((ordering = ANY (ARRAY['parallel'::text, 'serial'::text, 'per-key'::text])))
);

CREATE TABLE public.message_webhooks (
    app_id text NOT NULL,
    report_key text NOT NULL,
    endpoint_id text NOT NULL,
    message_id text NOT NULL,
    created_at bigint NOT NULL
);

CREATE TABLE public.messages (
    id text NOT NULL COLLATE pg_catalog."C",
    app_id text NOT NULL COLLATE pg_catalog."C",
    event_type text NOT NULL,
    payload text NOT NULL,
    idempotency_key text,
    endpoint_id text COLLATE pg_catalog."C",
    created_at bigint NOT NULL,
    request_digest text,
    delivery_count integer,
    payload_dropped_at bigint,
    ordering_key text,
    trace_context text
);

CREATE TABLE public.operational_outbox (
    id bigint NOT NULL,
    event_type text NOT NULL,
    payload text NOT NULL,
    created_at bigint NOT NULL,
    claimed_until bigint
);

ALTER TABLE public.operational_outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.operational_outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.portal_sessions (
    id text NOT NULL COLLATE pg_catalog."C",
    app_id text NOT NULL COLLATE pg_catalog."C",
    link_hash text NOT NULL,
    link_expires_at bigint NOT NULL,
    session_hash text,
    session_ttl_ms bigint NOT NULL,
    expires_at bigint,
    theme text DEFAULT '{}'::text NOT NULL,
    created_at bigint NOT NULL,
    redeemed_at bigint
);

CREATE TABLE public.requeue_runs (
    app_id text NOT NULL COLLATE pg_catalog."C",
    request_key text NOT NULL COLLATE pg_catalog."C",
    until_at bigint NOT NULL,
    cursor bigint DEFAULT 0 NOT NULL,
    requeued integer DEFAULT 0 NOT NULL,
    done boolean DEFAULT false NOT NULL,
    created_at bigint NOT NULL
);

CREATE TABLE public.schema_migrations (
    version integer NOT NULL,
    name text NOT NULL,
    applied_at bigint NOT NULL
);

ALTER TABLE ONLY public.apps
    ADD CONSTRAINT apps_api_key_hash_key UNIQUE (api_key_hash);

ALTER TABLE ONLY public.apps
    ADD CONSTRAINT apps_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.apps
    ADD CONSTRAINT apps_viber_auth_token_key UNIQUE (viber_auth_token);

ALTER TABLE ONLY public.attempts
    ADD CONSTRAINT attempts_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.bin_requests
    ADD CONSTRAINT bin_requests_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.bins
    ADD CONSTRAINT bins_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.bot_connections
    ADD CONSTRAINT bot_connections_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.bot_invocations
    ADD CONSTRAINT bot_invocations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.bot_stories
    ADD CONSTRAINT bot_stories_pkey PRIMARY KEY (app_id, id);

ALTER TABLE ONLY public.deliveries
    ADD CONSTRAINT deliveries_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.encryption_check
    ADD CONSTRAINT encryption_check_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.endpoint_health_deltas
    ADD CONSTRAINT endpoint_health_deltas_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.endpoint_health
    ADD CONSTRAINT endpoint_health_pkey PRIMARY KEY (endpoint_id);

ALTER TABLE ONLY public.endpoint_stats_deltas
    ADD CONSTRAINT endpoint_stats_deltas_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.endpoint_stats
    ADD CONSTRAINT endpoint_stats_pkey PRIMARY KEY (endpoint_id, resolution, bucket_start);

ALTER TABLE ONLY public.endpoints
    ADD CONSTRAINT endpoints_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.message_webhooks
    ADD CONSTRAINT message_webhooks_pkey PRIMARY KEY (app_id, report_key);

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.operational_outbox
    ADD CONSTRAINT operational_outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.portal_sessions
    ADD CONSTRAINT portal_sessions_link_hash_key UNIQUE (link_hash);

ALTER TABLE ONLY public.portal_sessions
    ADD CONSTRAINT portal_sessions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.portal_sessions
    ADD CONSTRAINT portal_sessions_session_hash_key UNIQUE (session_hash);

ALTER TABLE ONLY public.requeue_runs
    ADD CONSTRAINT requeue_runs_pkey PRIMARY KEY (app_id, request_key);

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);

CREATE UNIQUE INDEX apps_uid ON public.apps USING btree (uid) WHERE (uid IS NOT NULL);

CREATE UNIQUE INDEX apps_viber_auth_token_digest ON public.apps USING btree (viber_auth_token_digest);

CREATE INDEX attempts_app ON public.attempts USING btree (app_id, test, id);

CREATE INDEX attempts_delivery ON public.attempts USING btree (delivery_id);

CREATE INDEX attempts_endpoint ON public.attempts USING btree (endpoint_id, id);

CREATE INDEX attempts_message ON public.attempts USING btree (message_id, id);

CREATE INDEX attempts_test_at ON public.attempts USING btree (at) WHERE test;

CREATE INDEX bin_requests_bin ON public.bin_requests USING btree (bin_id, id);

CREATE INDEX bins_app ON public.bins USING btree (app_id, expires_at);

CREATE INDEX bins_expiry ON public.bins USING btree (expires_at);

CREATE INDEX bot_connections_app ON public.bot_connections USING btree (app_id, created_at, id);

CREATE INDEX bot_invocations_connection ON public.bot_invocations USING btree (connection_id, id);

CREATE INDEX deliveries_active ON public.deliveries USING btree (endpoint_id) WHERE ((state = 'delivering'::text) OR ((state = 'pending'::text) AND (next_attempt_at IS NOT NULL)));

CREATE INDEX deliveries_app ON public.deliveries USING btree (app_id, id);

CREATE INDEX deliveries_app_state ON public.deliveries USING btree (app_id, state, id);

CREATE INDEX deliveries_due ON public.deliveries USING btree (next_attempt_at, id) WHERE ((state = 'pending'::text) AND (next_attempt_at IS NOT NULL));

CREATE INDEX deliveries_due_first ON public.deliveries USING btree (next_attempt_at, id) WHERE ((state = 'pending'::text) AND (attempts = 0) AND (next_attempt_at IS NOT NULL));

CREATE INDEX deliveries_endpoint ON public.deliveries USING btree (endpoint_id, state, id);

CREATE INDEX deliveries_endpoint_key ON public.deliveries USING btree (endpoint_id, ordering_key, id) WHERE ((state = ANY (ARRAY['pending'::text, 'delivering'::text])) AND (ordering_key IS NOT NULL));

CREATE INDEX deliveries_leased ON public.deliveries USING btree (lease_until) WHERE (state = 'delivering'::text);

CREATE INDEX deliveries_message ON public.deliveries USING btree (message_id);

CREATE INDEX endpoint_health_deltas_endpoint ON public.endpoint_health_deltas USING btree (endpoint_id, id);

CREATE INDEX endpoint_health_failing ON public.endpoint_health USING btree (app_id, consecutive_failures) WHERE (consecutive_failures > 0);

CREATE INDEX endpoint_stats_app ON public.endpoint_stats USING btree (app_id, resolution, bucket_start);

CREATE INDEX endpoint_stats_bucket ON public.endpoint_stats USING btree (bucket_start);

CREATE INDEX endpoint_stats_deltas_endpoint ON public.endpoint_stats_deltas USING btree (endpoint_id);

CREATE INDEX endpoints_app ON public.endpoints USING btree (app_id, id);

CREATE UNIQUE INDEX endpoints_uid ON public.endpoints USING btree (app_id, uid) WHERE (uid IS NOT NULL);

CREATE INDEX message_webhooks_endpoint ON public.message_webhooks USING btree (endpoint_id);

CREATE INDEX message_webhooks_message ON public.message_webhooks USING btree (message_id);

CREATE INDEX messages_app ON public.messages USING btree (app_id, id);

CREATE INDEX messages_created ON public.messages USING btree (created_at, id);

CREATE UNIQUE INDEX messages_idempotency ON public.messages USING btree (app_id, idempotency_key) WHERE (idempotency_key IS NOT NULL);

CREATE INDEX messages_payload_kept ON public.messages USING btree (created_at, id) WHERE (payload_dropped_at IS NULL);

CREATE INDEX portal_sessions_app ON public.portal_sessions USING btree (app_id);

CREATE INDEX requeue_runs_created ON public.requeue_runs USING btree (created_at);

ALTER TABLE ONLY public.bin_requests
    ADD CONSTRAINT bin_requests_bin_id_fkey FOREIGN KEY (bin_id) REFERENCES public.bins(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.bins
    ADD CONSTRAINT bins_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.apps(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.bot_connections
    ADD CONSTRAINT bot_connections_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.apps(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.bot_invocations
    ADD CONSTRAINT bot_invocations_connection_id_fkey FOREIGN KEY (connection_id) REFERENCES public.bot_connections(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.bot_stories
    ADD CONSTRAINT bot_stories_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.apps(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.deliveries
    ADD CONSTRAINT deliveries_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoints(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.deliveries
    ADD CONSTRAINT deliveries_message_id_fkey FOREIGN KEY (message_id) REFERENCES public.messages(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.endpoint_health_deltas
    ADD CONSTRAINT endpoint_health_deltas_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoints(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.endpoint_health
    ADD CONSTRAINT endpoint_health_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoints(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.endpoint_stats
    ADD CONSTRAINT endpoint_stats_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.apps(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.endpoint_stats_deltas
    ADD CONSTRAINT endpoint_stats_deltas_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoints(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.endpoints
    ADD CONSTRAINT endpoints_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.apps(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.message_webhooks
    ADD CONSTRAINT message_webhooks_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.endpoints(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.message_webhooks
    ADD CONSTRAINT message_webhooks_message_id_fkey FOREIGN KEY (message_id) REFERENCES public.messages(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.messages
    ADD CONSTRAINT messages_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.apps(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.portal_sessions
    ADD CONSTRAINT portal_sessions_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.apps(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.requeue_runs
    ADD CONSTRAINT requeue_runs_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.apps(id) ON DELETE CASCADE;
