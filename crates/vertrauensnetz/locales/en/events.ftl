# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = Hello { $name },
events-mail-confirmed-subject = Registration confirmed
events-mail-confirmed-body = Your registration for "{ $title }" is confirmed. Your place is reserved.
events-mail-waitlisted-subject = On the waiting list
events-mail-waitlisted-body = "{ $title }" is fully booked. You are on the waiting list and will hear from us as soon as a place becomes free for you.
events-mail-promoted-subject = A place has become free
events-mail-promoted-body = A place has become free for "{ $title }". Your registration is now confirmed.
events-mail-position = { $position ->
    [one] You are next on the waiting list.
   *[other] Your place on the waiting list: { $position }.
}
events-mail-when = When
events-mail-where = Where
events-mail-cancel = If you cannot come, please free your place. Your personal link to see and cancel your registration:

events-title = Events
events-summary = Forums, discussion rounds and prevention events of the police and partner organisations – with registration.
events-intro = The police, the city and partner organisations invite you to forums, discussion rounds and prevention events. All events are free of charge.
events-calendar-link = Subscribe to all events as a calendar (iCal)
events-upcoming = Upcoming events
events-past = Past events
events-none = No events are planned at the moment.
events-back = All events
events-kind = Kind
events-kind-forum = Forum
events-kind-open-conference = Open conference
events-kind-discussion-round = Discussion round
events-kind-prevention-event = Prevention event
events-kind-training = Training
events-kind-intercultural-week = Intercultural week
events-kind-committee-session = Committee session
events-places-left = Places left
events-waitlist-open = you can join the waiting list
events-add-to-calendar = Add to your calendar (iCal)
events-register-title = Registration
events-cancelled = This event has been cancelled.
events-no-registration = No registration is needed for this event.
events-over = This event has already taken place.
events-opens = Registration opens on { $when }.
events-closed = Registration closed on { $when }.
events-full = The event is fully booked and has no waiting list.
events-form-name = Your name
events-form-email = Your e-mail address
events-form-email-hint = We send the confirmation and your personal link for cancelling there.
events-form-organisation = Organisation or association (optional)
events-form-accessibility = Do you need support, for example step-free access? (optional)
events-form-interpreter = Interpreting into a language (optional)
events-form-no-interpreter = No interpreting needed
events-form-submit = Register
events-form-name-invalid = Please enter your name (at most 200 characters).
events-form-email-invalid = Please enter a valid e-mail address.
events-form-too-long = One of the entries is too long. Please shorten it.
events-registration-title = Your registration
events-registration-confirmed = { $name }, your registration is confirmed. Your place is reserved.
events-registration-waitlisted = { $name }, you are on the waiting list. We will write to you as soon as a place becomes free.
events-registration-cancelled = This registration has been cancelled. The place is free again.
events-registration-event = Event
events-registration-keep-link = Keep the link to this page: only with it can you see and cancel your registration. We have also sent it to you by e-mail.
events-registration-cancel = Withdraw my registration and free the place

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = A place is free for you
events-mail-offered-body = A place has become free for “{ $title }”. We are holding it for you – please confirm it in time.
events-mail-offer-deadline = Please confirm by { $deadline }. After that the place goes to the next person on the waiting list.
events-mail-offer-link = Confirm or give the place up here (your personal link):
events-mail-expired-subject = Offer expired
events-mail-expired-body = You did not confirm the free place for “{ $title }” in time. The place now goes to the next person on the waiting list.
events-mail-event-cancelled-subject = Event cancelled
events-mail-event-cancelled-body = The event “{ $title }” has been cancelled. Your registration no longer applies.
events-mail-cancel-reason = Reason: { $reason }
events-mail-reminder-subject = Reminder: tomorrow
events-mail-reminder-body = This is a reminder of “{ $title }”. Your place is reserved.
events-mail-unsubscribe = Stop reminders and invitations (you will still get confirmations):

events-cancel-reason = Reason for cancellation
events-topics = Topics
events-access-title = Accessibility
events-access-step-free = Step-free access
events-access-hearing-loop = Hearing loop
events-access-interpreters = Interpreting
events-access-no-interpreters = No interpreting offered
events-access-note = Accessibility notes
events-yes = Yes
events-no = No
events-unknown = Not known
events-interpreter-dgs = German Sign Language

events-form-organisation-required = Organisation or association
events-form-accessibility-required = What support do you need, for example step-free access?
events-form-interpreter-required = Interpreting into a language
events-form-choose = Please choose
events-form-optional = optional
events-form-answer-invalid = This answer does not fit the question. Please check it.
events-form-answer-required = Please answer this question.

events-registration-offered = { $name }, a place has become free for you. We are holding it for you.
events-registration-offer-until = Please confirm the place by { $deadline }.
events-registration-expired = You did not confirm the offered place in time. It has gone to the next person on the waiting list.
events-registration-offer-confirm = Confirm the place
events-registration-offer-decline = Decline and give the place up
events-registration-offer-gone = This offer no longer applies. The deadline has passed or the place has been given.
events-registration-cancel-closed = Cancelling through this link has not been possible since { $when }. If you cannot come, please contact the organisers.
events-registration-cancel-until = You can cancel yourself until { $when }.

events-unsubscribe-title = No more reminders
events-unsubscribe-explain = You will no longer get reminders and invitations to events at this address. You will still get confirmations, offers of free places and cancellations.
events-unsubscribe-submit = Stop reminders and invitations
events-unsubscribe-done = Done: we will no longer send reminders and invitations to this address. You will still get confirmations and cancellations.
