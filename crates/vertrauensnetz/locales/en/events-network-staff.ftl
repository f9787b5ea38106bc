# Events in the network: organisers, agenda and minutes for coordinators;
# occasion-based consultations for police, coordinators and partners.
events-minutes-staff-title = Organisers, agenda and minutes
events-minutes-public-view = Participants' view
events-organisers-legend = Organising organisations (joint event: choose several)
events-invited-bodies = Invited bodies
events-agenda-item = Agenda item
events-agenda-presenter = Presenter
events-agenda-add = Add item
events-minutes-decisions-field = Decisions (one per line)
events-minutes-visibility = Who may read the minutes?
events-minutes-visibility-participants = Participants only (organisers, organisations present, invited bodies)
events-minutes-visibility-public = Everyone (public)
events-minutes-save = Save minutes
events-minutes-error-visibility = Please choose who may read the minutes.
events-minutes-error-measure = Please choose the measure the action item belongs to.
events-minutes-error-owner = Please choose the responsible organisation.
events-minutes-error-due = Please enter a due date (YYYY-MM-DD).

events-consultations-title = Occasion-based consultations
events-consultations-intro = Before sports events and large events, after major accidents or crime cases, police and coordinators ask the partners about security needs and concerns.
events-consultations-caption = Consultations, newest first
events-consultations-none = There are no consultations for you.
events-consultation-title = Occasion-based consultation
events-consultation-new = New consultation
events-consultation-occasion = Occasion
events-occasion-sports_event = Sports event
events-occasion-large_event = Large event
events-occasion-major_accident = Major accident
events-occasion-crime_case = Crime case
events-occasion-other = Other occasion
events-consultation-status-open = open
events-consultation-status-closed = closed
events-consultation-date = Date
events-consultation-area = Area
events-consultation-bodies = Bodies asked
events-consultation-open = Open the consultation and notify the partners
events-consultation-answers = Answers
events-consultation-answers-none = No answers yet.
events-consultation-hidden = { $n ->
    [one] One more answer is visible to police and coordinators only.
   *[other] { $n } more answers are visible to police and coordinators only.
}
events-consultation-restricted-mark = police and coordinators only
events-consultation-your-answer = Your answer
events-consultation-answer-field = Security needs or concerns
events-consultation-restricted = Visible to police and coordinators only
events-consultation-send = Send answer
events-consultation-measures = Agreed measures
events-consultation-measures-none = No measure linked yet.
events-consultation-link-measure = Link measure
events-consultation-meeting = Meeting
events-consultation-meeting-link = To the meeting
events-consultation-meeting-title = Consultation meeting: { $title }
events-consultation-schedule = Schedule a meeting
events-consultation-starts = Start
events-consultation-duration = Duration (minutes)
events-consultation-place = Place
events-consultation-schedule-submit = Schedule meeting
events-consultation-close = Close the consultation
events-consultation-error-occasion = Please choose an occasion.
events-consultation-error-bodies = Please choose at least one body.
events-consultation-error-text = Please write your answer (at most 10,000 characters).
events-consultation-error-closed = The consultation is closed.
events-consultation-error-time = Please enter the date and time of the meeting.
events-consultation-mail-subject = Consultation: { $title }
events-consultation-mail-body = Police and coordinators ask for your assessment of an occasion ({ $occasion }). What security needs or concerns are there?
events-consultations-summary = Occasion-based consultations before sports events and large events, and after major accidents or crime cases.
