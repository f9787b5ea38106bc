# Organisers' event pages. German and English only.

events-staff-title = Manage events
events-staff-summary = Registrations, waiting lists, attendee lists and check-in.
events-staff-caption = All events, newest first
events-staff-audience = Audience
events-staff-status = Status
events-staff-places = Taken
events-staff-waiting = Waiting list
events-staff-attendees = Attendees
events-staff-confirmed = Confirmed:
events-staff-checked-in = Checked in:
events-staff-export = Download the attendee list (CSV)
events-staff-search = Search by name, e-mail or organisation
events-staff-search-submit = Search
events-staff-check-in = Check in
events-staff-undo-check-in = Undo check-in
events-audience-public = public
events-audience-partners = partner organisations
events-audience-invited = invited bodies
events-status-draft = draft
events-status-published = published
events-status-cancelled = cancelled
events-status-done = done
events-registration-status-confirmed = confirmed
events-registration-status-waitlisted = waiting list
events-registration-status-cancelled = cancelled
