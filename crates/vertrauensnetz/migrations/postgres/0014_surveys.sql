-- Surveys on safety and trust (issue 11, part 1): series of survey waves,
-- texts per language, questions, invitation tokens (hash only), anonymous
-- responses (the day only, no address, no link to a token) and answers.

CREATE TABLE survey_series (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    series_id uuid NOT NULL,
    name text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, series_id)
);

CREATE TABLE surveys (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    survey_id uuid NOT NULL,
    series_id uuid NOT NULL,
    wave integer NOT NULL,
    status text NOT NULL,
    distribution text NOT NULL,
    opens_on text,
    closes_on text,
    published boolean NOT NULL,
    created_by uuid,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, survey_id),
    FOREIGN KEY (tenant_id, series_id) REFERENCES survey_series (tenant_id, series_id)
);
CREATE UNIQUE INDEX surveys_wave ON surveys (tenant_id, series_id, wave);

CREATE TABLE survey_texts (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    survey_id uuid NOT NULL,
    item text NOT NULL,
    lang text NOT NULL,
    body text NOT NULL,
    PRIMARY KEY (tenant_id, survey_id, item, lang),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, survey_id)
);

CREATE TABLE survey_questions (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    survey_id uuid NOT NULL,
    question_id uuid NOT NULL,
    position integer NOT NULL,
    kind text NOT NULL,
    measure text NOT NULL,
    required boolean NOT NULL,
    option_count integer NOT NULL,
    PRIMARY KEY (tenant_id, survey_id, question_id),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, survey_id)
);

CREATE TABLE survey_tokens (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    survey_id uuid NOT NULL,
    token_hash bytea NOT NULL,
    batch integer NOT NULL,
    used_on text,
    PRIMARY KEY (tenant_id, survey_id, token_hash),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, survey_id)
);

CREATE TABLE survey_responses (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    survey_id uuid NOT NULL,
    response_id uuid NOT NULL,
    answered_on text NOT NULL,
    lang text NOT NULL,
    age_band text NOT NULL,
    gender text NOT NULL,
    migration text NOT NULL,
    district_code text NOT NULL,
    PRIMARY KEY (tenant_id, survey_id, response_id),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, survey_id)
);

CREATE TABLE survey_answers (
    tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
    survey_id uuid NOT NULL,
    answer_id uuid NOT NULL,
    response_id uuid NOT NULL,
    question_id uuid NOT NULL,
    choice bigint,
    body text,
    lat double precision,
    lon double precision,
    time_of_day text,
    district_code text,
    review text,
    report_id uuid,
    PRIMARY KEY (tenant_id, survey_id, answer_id),
    FOREIGN KEY (tenant_id, survey_id, response_id) REFERENCES survey_responses (tenant_id, survey_id, response_id)
);
CREATE INDEX survey_answers_question ON survey_answers (tenant_id, survey_id, question_id);
