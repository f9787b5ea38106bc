# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = Guten Tag { $name },
events-mail-confirmed-subject = Ihre Anmeldung ist bestätigt
events-mail-confirmed-body = Sie haben sich für diese Veranstaltung angemeldet: „{ $title }“. Ihre Anmeldung ist bestätigt. Das heißt: Sie haben einen festen Platz.
events-mail-waitlisted-subject = Sie sind auf der Warte·liste
events-mail-waitlisted-body = Sie möchten zu dieser Veranstaltung kommen: „{ $title }“. Leider sind schon alle Plätze vergeben. Darum stehen Sie jetzt auf der Warte·liste. Das heißt: Sie warten auf einen freien Platz. Wird ein Platz für Sie frei? Dann bekommen Sie eine Nachricht von uns.
events-mail-promoted-subject = Ein Platz ist frei
events-mail-promoted-body = Bei der Veranstaltung „{ $title }“ ist ein Platz frei geworden. Der Platz ist für Sie. Ihre Anmeldung ist jetzt bestätigt.
events-mail-position = { $position ->
    [one] Sie sind die nächste Person auf der Warte·liste. Der nächste freie Platz ist für Sie.
   *[other] Ihre Nummer auf der Warte·liste ist: { $position }.
}
events-mail-when = Wann
events-mail-where = Wo
events-mail-cancel = Können Sie nicht kommen? Dann melden Sie sich bitte ab. Dann kann eine andere Person Ihren Platz bekommen. Zum Abmelden brauchen Sie diesen Link. Der Link ist nur für Sie:

events-title = Veranstaltungen
events-summary = Veranstaltungen von der Polizei und von Partner·organisationen. Zum Beispiel Treffen zum Reden. Sie können sich hier anmelden.
events-intro = Die Polizei, die Stadt und Partner·organisationen laden Sie zu Veranstaltungen ein. Zum Beispiel zu Foren und zu Gesprächs·runden. Bei einem Forum oder einer Gesprächs·runde reden viele Menschen zusammen über ein Thema. Es gibt auch Veranstaltungen zur Vorbeugung. Dort bekommen Sie Tipps: So schützen Sie sich vor Gefahren. Alle Veranstaltungen kosten nichts.
events-calendar-link = Alle Veranstaltungen automatisch in Ihren Kalender holen (iCal)
events-upcoming = Diese Veranstaltungen kommen bald
events-past = Diese Veranstaltungen sind schon vorbei
events-none = Im Moment sind keine Veranstaltungen geplant.
events-back = Zu allen Veranstaltungen
events-kind = Art von Veranstaltung
events-kind-forum = Forum
events-kind-open-conference = Offene Konferenz für alle
events-kind-discussion-round = Gesprächs·runde
events-kind-prevention-event = Veranstaltung zum Schutz vor Gefahren
events-kind-training = Schulung
events-kind-intercultural-week = Interkulturelle Woche
events-kind-committee-session = Ausschuss·sitzung
events-places-left = Freie Plätze
events-waitlist-open = Sie können sich für die Warte·liste anmelden
events-add-to-calendar = In Ihren Kalender eintragen (iCal)
events-register-title = Anmeldung
events-cancelled = Diese Veranstaltung fällt aus.
events-no-registration = Für diese Veranstaltung müssen Sie sich nicht anmelden.
events-over = Diese Veranstaltung ist schon vorbei.
events-opens = Sie können sich erst ab { $when } anmelden.
events-closed = Die Anmeldung ist seit { $when } vorbei. Sie können sich nicht mehr anmelden.
events-full = Alle Plätze sind schon vergeben. Es gibt auch keine Warte·liste. Sie können sich leider nicht mehr anmelden.
events-form-name = Ihr Name
events-form-email = Ihre E-Mail-Adresse
events-form-email-hint = An diese Adresse schicken wir Ihnen eine E-Mail. In der E-Mail steht: Ihre Anmeldung hat geklappt. In der E-Mail ist auch ein Link nur für Sie. Mit dem Link können Sie sich wieder abmelden.
events-form-organisation = Organisation oder Verein. Das müssen Sie nicht ausfüllen.
events-form-accessibility = Brauchen Sie Hilfe? Zum Beispiel einen Eingang ohne Stufen? Dann schreiben Sie es hier hin. Das müssen Sie nicht ausfüllen.
events-form-interpreter = Brauchen Sie eine Person, die für Sie übersetzt? Dann wählen Sie hier die Sprache. Das müssen Sie nicht ausfüllen.
events-form-no-interpreter = Ich brauche keine Übersetzung
events-form-submit = Jetzt fest anmelden
events-form-name-invalid = Bitte schreiben Sie Ihren Namen. Der Name darf höchstens 200 Zeichen haben. Zeichen sind zum Beispiel Buchstaben.
events-form-email-invalid = Die E-Mail-Adresse ist nicht richtig. Bitte schreiben Sie eine richtige E-Mail-Adresse.
events-form-too-long = Ein Text ist zu lang. Bitte schreiben Sie weniger.
events-registration-title = Ihre Anmeldung
events-registration-confirmed = { $name }, Ihre Anmeldung ist bestätigt. Das heißt: Sie haben einen festen Platz.
events-registration-waitlisted = { $name }, Sie stehen auf der Warte·liste. Wird ein Platz frei? Dann schreiben wir Ihnen.
events-registration-cancelled = Diese Anmeldung gilt nicht mehr. Der Platz ist wieder frei.
events-registration-event = Veranstaltung
events-registration-keep-link = Bitte speichern Sie den Link zu dieser Seite. Der Link ist wichtig. Nur mit dem Link können Sie Ihre Anmeldung sehen. Und nur mit dem Link können Sie sich abmelden. Wir haben Ihnen den Link auch per E-Mail geschickt.
events-registration-cancel = Abmelden und den Platz für andere frei machen

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = Ein Platz ist frei für Sie
events-mail-offered-body = Bei „{ $title }“ ist ein Platz frei. Wir halten den Platz für Sie frei. Bitte sagen Sie uns bald: Kommen Sie?
events-mail-offer-deadline = Bitte sagen Sie bis { $deadline } Bescheid. Danach bekommt eine andere Person den Platz.
events-mail-offer-link = Hier sagen Sie Ja oder Nein. Das ist Ihr eigener Link:
events-mail-expired-subject = Die Zeit ist um
events-mail-expired-body = Sie haben nicht rechtzeitig Bescheid gesagt. Der Platz bei „{ $title }“ geht jetzt an eine andere Person.
events-mail-event-cancelled-subject = Die Veranstaltung fällt aus
events-mail-event-cancelled-body = Die Veranstaltung „{ $title }“ fällt aus. Ihre Anmeldung gilt nicht mehr.
events-mail-cancel-reason = Der Grund: { $reason }
events-mail-reminder-subject = Erinnerung: morgen
events-mail-reminder-body = Morgen ist „{ $title }“. Ihr Platz ist frei gehalten.
events-mail-unsubscribe = Sie wollen keine Erinnerungen und Einladungen mehr? Dann klicken Sie hier. Bestätigungen bekommen Sie weiter.

events-cancel-reason = Der Grund
events-topics = Themen
events-access-title = Barriere-Freiheit
events-access-step-free = Eingang ohne Stufen
events-access-hearing-loop = Hilfe für Hör-Geräte (Induktions-Schleife)
events-access-interpreters = Dolmetschen
events-access-no-interpreters = Es gibt kein Dolmetschen.
events-access-note = Weitere Hinweise
events-yes = Ja
events-no = Nein
events-unknown = Wissen wir nicht
events-interpreter-dgs = Deutsche Gebärden-Sprache

events-form-organisation-required = Ihr Verein oder Ihre Organisation
events-form-accessibility-required = Welche Hilfe brauchen Sie? Zum Beispiel: einen Eingang ohne Stufen.
events-form-interpreter-required = Dolmetschen in diese Sprache
events-form-choose = Bitte wählen Sie.
events-form-optional = Sie müssen das nicht ausfüllen.
events-form-answer-invalid = Die Antwort passt nicht. Bitte prüfen Sie die Antwort.
events-form-answer-required = Bitte beantworten Sie diese Frage.

events-registration-offered = { $name }, ein Platz ist frei für Sie. Wir halten den Platz für Sie frei.
events-registration-offer-until = Bitte sagen Sie bis { $deadline } Bescheid.
events-registration-expired = Sie haben nicht rechtzeitig Bescheid gesagt. Der Platz ist jetzt bei einer anderen Person.
events-registration-offer-confirm = Ja, ich komme
events-registration-offer-decline = Nein, ich brauche den Platz nicht
events-registration-offer-gone = Das Angebot gilt nicht mehr. Die Zeit ist um. Oder der Platz ist schon weg.
events-registration-cancel-closed = Seit { $when } können Sie sich hier nicht mehr abmelden. Sie können nicht kommen? Dann sagen Sie bitte den Veranstaltern Bescheid.
events-registration-cancel-until = Sie können sich bis { $when } selbst abmelden.

events-unsubscribe-title = Keine Erinnerungen mehr
events-unsubscribe-explain = Sie bekommen dann keine Erinnerungen und keine Einladungen mehr. Bestätigungen und Absagen bekommen Sie weiter.
events-unsubscribe-submit = Keine Erinnerungen mehr schicken
events-unsubscribe-done = Fertig. Sie bekommen keine Erinnerungen und keine Einladungen mehr. Bestätigungen und Absagen bekommen Sie weiter.
