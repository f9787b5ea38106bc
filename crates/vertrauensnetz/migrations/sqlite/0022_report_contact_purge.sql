-- The hourly purge of reports: the reporter's name and e-mail 90 days
-- after a report was closed (found through a partial index of the reports
-- that still carry contact data), and unsubscribe tokens of ended
-- subscriptions (by age).
CREATE INDEX reports_contact ON reports (closed_at)
    WHERE reporter_name IS NOT NULL OR reporter_email IS NOT NULL;
CREATE INDEX report_unsubscribe_tokens_created ON report_unsubscribe_tokens (created_at);
