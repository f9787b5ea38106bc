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
