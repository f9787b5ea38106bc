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

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = Ein Platz ist für Sie frei
events-mail-offered-body = Für „{ $title }“ ist ein Platz frei geworden. Wir halten ihn für Sie bereit – bitte bestätigen Sie ihn rechtzeitig.
events-mail-offer-deadline = Bitte bestätigen Sie bis { $deadline }. Danach geht der Platz an die nächste Person auf der Warteliste.
events-mail-offer-link = Hier bestätigen oder den Platz freigeben (Ihr persönlicher Link):
events-mail-expired-subject = Angebot abgelaufen
events-mail-expired-body = Sie haben den freien Platz für „{ $title }“ nicht rechtzeitig bestätigt. Der Platz geht jetzt an die nächste Person auf der Warteliste.
events-mail-event-cancelled-subject = Veranstaltung abgesagt
events-mail-event-cancelled-body = Die Veranstaltung „{ $title }“ ist abgesagt. Ihre Anmeldung ist damit hinfällig.
events-mail-cancel-reason = Grund: { $reason }
events-mail-reminder-subject = Erinnerung: morgen
events-mail-reminder-body = Wir erinnern Sie an „{ $title }“. Ihr Platz ist reserviert.
events-mail-unsubscribe = Keine Erinnerungen und Einladungen mehr bekommen (Bestätigungen bekommen Sie weiterhin):

events-cancel-reason = Grund der Absage
events-topics = Themen
events-access-title = Barrierefreiheit
events-access-step-free = Stufenloser Zugang
events-access-hearing-loop = Induktionsschleife für Hörgeräte
events-access-interpreters = Dolmetschen
events-access-no-interpreters = Kein Dolmetschen angeboten
events-access-note = Hinweise zur Barrierefreiheit
events-yes = Ja
events-no = Nein
events-unknown = Nicht bekannt
events-interpreter-dgs = Deutsche Gebärdensprache

events-form-organisation-required = Organisation oder Verein
events-form-accessibility-required = Welche Unterstützung brauchen Sie, zum Beispiel einen stufenlosen Zugang?
events-form-interpreter-required = Dolmetschen in eine Sprache
events-form-choose = Bitte auswählen
events-form-optional = freiwillig
events-form-answer-invalid = Diese Antwort passt nicht zur Frage. Bitte prüfen Sie sie.
events-form-answer-required = Bitte beantworten Sie diese Frage.

events-registration-offered = { $name }, ein Platz ist für Sie frei geworden. Wir halten ihn für Sie bereit.
events-registration-offer-until = Bitte bestätigen Sie den Platz bis { $deadline }.
events-registration-expired = Sie haben den angebotenen Platz nicht rechtzeitig bestätigt. Er ist an die nächste Person auf der Warteliste gegangen.
events-registration-offer-confirm = Platz verbindlich bestätigen
events-registration-offer-decline = Platz nicht annehmen und freigeben
events-registration-offer-gone = Dieses Angebot gilt nicht mehr. Die Frist ist abgelaufen oder der Platz wurde schon vergeben.
events-registration-cancel-closed = Eine Abmeldung über diesen Link ist seit { $when } nicht mehr möglich. Wenn Sie nicht kommen können, melden Sie sich bitte bei den Veranstaltenden.
events-registration-cancel-until = Sie können sich bis { $when } selbst abmelden.

events-unsubscribe-title = Keine Erinnerungen mehr
events-unsubscribe-explain = Sie bekommen dann keine Erinnerungen und Einladungen zu Veranstaltungen mehr an diese Adresse. Bestätigungen, Angebote freier Plätze und Absagen bekommen Sie weiterhin.
events-unsubscribe-submit = Erinnerungen und Einladungen abbestellen
events-unsubscribe-done = Erledigt: An diese Adresse schicken wir keine Erinnerungen und Einladungen mehr. Bestätigungen und Absagen bekommen Sie weiterhin.
