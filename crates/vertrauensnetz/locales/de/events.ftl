# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = Guten Tag { $name },
events-mail-confirmed-subject = Anmeldung bestätigt
events-mail-confirmed-body = Ihre Anmeldung für „{ $title }“ ist bestätigt. Ihr Platz ist reserviert.
events-mail-waitlisted-subject = Auf der Warteliste
events-mail-waitlisted-body = Die Veranstaltung „{ $title }“ ist ausgebucht. Sie stehen auf der Warteliste und bekommen eine Nachricht, sobald ein Platz für Sie frei wird.
events-mail-promoted-subject = Ein Platz ist frei geworden
events-mail-promoted-body = Für „{ $title }“ ist ein Platz frei geworden. Ihre Anmeldung ist jetzt bestätigt.
events-mail-position = { $position ->
    [one] Sie sind die nächste Person auf der Warteliste.
   *[other] Ihr Platz auf der Warteliste: { $position }.
}
events-mail-when = Wann
events-mail-where = Wo
events-mail-cancel = Wenn Sie nicht kommen können, geben Sie Ihren Platz bitte frei. Ihr persönlicher Abmeldeschlüssel:
