-- Surveys on safety and trust (issue 11, part 1): series of survey waves,
-- texts per language, questions, invitation tokens (hash only), anonymous
-- responses (the day only, no address, no link to a token) and answers.

CREATE TABLE survey_series (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    series_id UUID NOT NULL,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, series_id)
);

CREATE TABLE surveys (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    survey_id UUID NOT NULL,
    series_id UUID NOT NULL,
    wave INTEGER NOT NULL,
    status TEXT NOT NULL,
    distribution TEXT NOT NULL,
    opens_on TEXT,
    closes_on TEXT,
    published BOOLEAN NOT NULL,
    created_by UUID,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, survey_id),
    FOREIGN KEY (tenant_id, series_id) REFERENCES survey_series (tenant_id, series_id)
);
CREATE UNIQUE INDEX surveys_wave ON surveys (tenant_id, series_id, wave);

CREATE TABLE survey_texts (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    survey_id UUID NOT NULL,
    item TEXT NOT NULL,
    lang TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (tenant_id, survey_id, item, lang),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, survey_id)
);

CREATE TABLE survey_questions (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    survey_id UUID NOT NULL,
    question_id UUID NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    measure TEXT NOT NULL,
    required BOOLEAN NOT NULL,
    option_count INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, survey_id, question_id),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, survey_id)
);

CREATE TABLE survey_tokens (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    survey_id UUID NOT NULL,
    token_hash BLOB NOT NULL,
    batch INTEGER NOT NULL,
    used_on TEXT,
    PRIMARY KEY (tenant_id, survey_id, token_hash),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, survey_id)
);

CREATE TABLE survey_responses (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    survey_id UUID NOT NULL,
    response_id UUID NOT NULL,
    answered_on TEXT NOT NULL,
    lang TEXT NOT NULL,
    age_band TEXT NOT NULL,
    gender TEXT NOT NULL,
    migration TEXT NOT NULL,
    district_code TEXT NOT NULL,
    PRIMARY KEY (tenant_id, survey_id, response_id),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, survey_id)
);

CREATE TABLE survey_answers (
    tenant_id UUID NOT NULL REFERENCES tenants (tenant_id),
    survey_id UUID NOT NULL,
    answer_id UUID NOT NULL,
    response_id UUID NOT NULL,
    question_id UUID NOT NULL,
    choice BIGINT,
    body TEXT,
    lat DOUBLE,
    lon DOUBLE,
    time_of_day TEXT,
    district_code TEXT,
    review TEXT,
    report_id UUID,
    PRIMARY KEY (tenant_id, survey_id, answer_id),
    FOREIGN KEY (tenant_id, survey_id, response_id) REFERENCES survey_responses (tenant_id, survey_id, response_id)
);
CREATE INDEX survey_answers_question ON survey_answers (tenant_id, survey_id, question_id);
