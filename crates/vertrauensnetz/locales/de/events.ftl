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
events-mail-cancel = Wenn Sie nicht kommen können, geben Sie Ihren Platz bitte frei. Ihr persönlicher Link zum Ansehen und Abmelden:

events-title = Veranstaltungen
events-summary = Foren, Gesprächsrunden und Präventionsveranstaltungen von Polizei und Partnerorganisationen – mit Anmeldung.
events-intro = Polizei, Stadt und Partnerorganisationen laden zu Foren, Gesprächsrunden und Präventionsveranstaltungen ein. Alle Veranstaltungen sind kostenlos.
events-calendar-link = Alle Veranstaltungen als Kalender abonnieren (iCal)
events-upcoming = Kommende Veranstaltungen
events-past = Vergangene Veranstaltungen
events-none = Zurzeit sind keine Veranstaltungen geplant.
events-back = Alle Veranstaltungen
events-kind = Art
events-kind-forum = Forum
events-kind-open-conference = Offene Konferenz
events-kind-discussion-round = Gesprächsrunde
events-kind-prevention-event = Präventionsveranstaltung
events-kind-training = Schulung
events-kind-intercultural-week = Interkulturelle Woche
events-kind-committee-session = Ausschusssitzung
events-places-left = Freie Plätze
events-waitlist-open = Anmeldung auf die Warteliste möglich
events-add-to-calendar = In den eigenen Kalender übernehmen (iCal)
events-register-title = Anmeldung
events-cancelled = Diese Veranstaltung ist abgesagt.
events-no-registration = Für diese Veranstaltung ist keine Anmeldung nötig.
events-over = Diese Veranstaltung hat bereits stattgefunden.
events-opens = Die Anmeldung beginnt am { $when }.
events-closed = Die Anmeldung ist seit { $when } geschlossen.
events-full = Die Veranstaltung ist ausgebucht und hat keine Warteliste.
events-form-name = Ihr Name
events-form-email = Ihre E-Mail-Adresse
events-form-email-hint = Dorthin schicken wir die Bestätigung und Ihren persönlichen Link zum Abmelden.
events-form-organisation = Organisation oder Verein (freiwillig)
events-form-accessibility = Brauchen Sie Unterstützung, zum Beispiel einen stufenlosen Zugang? (freiwillig)
events-form-interpreter = Dolmetschen in eine Sprache (freiwillig)
events-form-no-interpreter = Kein Dolmetschen nötig
events-form-submit = Verbindlich anmelden
events-form-name-invalid = Bitte geben Sie Ihren Namen an (höchstens 200 Zeichen).
events-form-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse an.
events-form-too-long = Eine Angabe ist zu lang. Bitte kürzen Sie sie.
events-registration-title = Ihre Anmeldung
events-registration-confirmed = { $name }, Ihre Anmeldung ist bestätigt. Ihr Platz ist reserviert.
events-registration-waitlisted = { $name }, Sie stehen auf der Warteliste. Wir schreiben Ihnen, sobald ein Platz frei wird.
events-registration-cancelled = Diese Anmeldung ist abgemeldet. Der Platz ist wieder frei.
events-registration-event = Veranstaltung
events-registration-keep-link = Bewahren Sie den Link zu dieser Seite auf: Nur mit ihm können Sie Ihre Anmeldung ansehen und abmelden. Wir haben ihn Ihnen auch per E-Mail geschickt.
events-registration-cancel = Anmeldung zurückziehen und Platz freigeben
