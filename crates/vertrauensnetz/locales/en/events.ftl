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
events-mail-cancel = If you cannot come, please free your place. Your personal cancellation key:
