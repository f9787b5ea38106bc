# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = Kooperationsnetzwerk
network-public-summary = Polizei, Stadt und Organisationen der Zivilgesellschaft im Dialog – wer dabei ist, was vereinbart ist und wie Sie mitmachen.
network-public-intro = Im Kooperationsnetzwerk arbeiten Polizei, Stadt und Organisationen der Zivilgesellschaft für Dialog und Vertrauen zusammen. Hier finden Sie die Partner, die Kooperationsvereinbarung, gemeinsame Pressemitteilungen und den Stand der vereinbarten Maßnahmen.
network-public-partners = Partnerorganisationen
network-public-none = Noch keine Partnerorganisation hat ein öffentliches Profil.
network-public-back = Zurück zum Kooperationsnetzwerk
network-logo-alt = Logo von { $organisation }

network-org-kind-migrant_organisation = Migrantenorganisation
network-org-kind-youth_organisation = Jugendorganisation
network-org-kind-association = Verein
network-org-kind-religious_community = Religionsgemeinschaft
network-org-kind-counselling_service = Beratungsstelle
network-org-kind-police_unit = Polizeidienststelle
network-org-kind-city_office = Städtische Stelle
network-org-kind-other = Sonstige

network-news-title = Gemeinsame Pressemitteilungen
network-news-summary = Mitteilungen, denen alle beteiligten Partner zugestimmt haben.
network-news-intro = Diese Mitteilungen werden erst veröffentlicht, wenn jede beteiligte Partnerorganisation dem genauen Text zugestimmt hat.
network-news-none = Es gibt noch keine veröffentlichten Mitteilungen.
network-news-feed = Mitteilungen als Atom-Feed abonnieren
network-news-feed-title = Gemeinsame Pressemitteilungen – Kooperationsnetzwerk { $city }
network-news-feed-author = Kooperationsnetzwerk { $city }
network-news-signatories = Gemeinsam herausgegeben von
network-news-back = Alle Mitteilungen

network-agreement-title = Kooperationsvereinbarung
network-agreement-version-of = Fassung { $version } vom
network-agreement-untranslated = Diese Fassung liegt in Ihrer Sprache noch nicht vor. Sie sehen den deutschen Text.
network-agreement-preamble = Präambel
network-agreement-goals = Ziele
network-agreement-measures = Maßnahmen
network-agreement-closing = Schlussbestimmungen
network-agreement-signatories = Unterzeichnende
network-agreement-no-signatories = Noch keine Unterschriften.
network-agreement-versions = Frühere Fassungen
network-agreement-changes-in = Änderungen in Fassung { $version }
network-agreement-none = Es ist noch keine Vereinbarung veröffentlicht.
network-agreement-diff-title = Änderungen zwischen zwei Fassungen
network-agreement-diff-from = Von Fassung
network-agreement-diff-to = Bis Fassung
network-agreement-diff-show = Vergleichen
network-agreement-diff-count = { $n ->
    [0] Keine Änderungen.
    [one] Eine geänderte Zeile.
   *[other] { $n } geänderte Zeilen.
}
network-agreement-back = Zur aktuellen Fassung
network-diff-added = Hinzugefügt
network-diff-removed = Entfernt

network-accountability-title = Maßnahmen und Umsetzung
network-accountability-intro = Welche Ziele sich das Netzwerk gesetzt hat, mit welchen Maßnahmen es sie verfolgt und wie weit die Aufgaben umgesetzt sind.
network-accountability-none = Es sind noch keine Ziele eingetragen.
network-progress = { $done } erledigt
network-progress-of = Fortschritt: { $title }
network-actions-of = Aufgaben zu { $title }
network-action = Aufgabe
network-action-owner = Verantwortlich
network-action-due = Fällig am
network-action-status = Stand
network-action-overdue = überfällig
network-action-status-open = offen
network-action-status-in_progress = in Arbeit
network-action-status-done = erledigt
network-action-status-dropped = verworfen

network-join-title = Partner werden
network-join-intro = Ihre Organisation möchte im Kooperationsnetzwerk mitarbeiten? Bekunden Sie hier Ihr Interesse. Danach erhalten Sie einen persönlichen Link, über den Sie die Bewerbung vervollständigen und ihren Stand verfolgen.
network-join-step-interest = Interesse bekunden (dieses Formular)
network-join-step-application = Bewerbung mit Satzung einreichen
network-join-step-review = Prüfung und Abstimmung in der Steuerungsgruppe
network-join-step-decision = Entscheidung mit Begründung per E-Mail
network-join-privacy = Wir verwenden Ihre Angaben nur für das Bewerbungsverfahren. Kontaktdaten sehen nur die Koordinierungsstelle und später Ihre eigene Organisation.
network-join-submit = Interesse senden
network-required-hint = Mit * markierte Felder sind Pflichtfelder.
network-choose = Bitte wählen

network-field-org-name = Name der Organisation
network-field-contact-name = Name der Ansprechperson
network-field-function = Funktion
network-field-email = E-Mail-Adresse
network-field-email-hint = An diese Adresse senden wir den persönlichen Link.
network-field-phone = Telefon
network-field-seat = Sitz (Ort)
network-field-seat-hint = Mitglied werden können Organisationen mit Sitz in dieser Stadt.
network-field-kind = Art der Organisation
network-field-street = Straße und Hausnummer
network-field-postcode = Postleitzahl
network-field-website = Webseite
network-field-languages = Gesprochene Sprachen
network-field-topics = Arbeitsfelder
network-field-motivation = Warum möchten Sie mitarbeiten?
network-field-statutes = Satzung (PDF)
network-field-statutes-hint = Nur PDF, höchstens { $mb } MB.

network-app-title = Ihre Bewerbung
network-app-status = Stand
network-app-status-interest = Interesse bekundet
network-app-status-submitted = Bewerbung eingegangen
network-app-status-in_review = In Prüfung
network-app-status-accepted = Aufgenommen
network-app-status-rejected = Abgelehnt
network-app-step-decision = Entscheidung
network-step-done = erledigt
network-app-form-title = Bewerbung vervollständigen
network-app-form-intro = Bitte beschreiben Sie Ihre Organisation und laden Sie Ihre Satzung hoch. Nach dem Absenden können Sie die Angaben nicht mehr ändern.
network-app-org-legend = Organisation
network-app-contact-legend = Ansprechperson
network-app-submit = Bewerbung einreichen
network-app-wait = Ihre Bewerbung liegt vor. Wir melden uns per E-Mail, sobald entschieden ist.
network-app-reason = Begründung
network-app-accepted-next = Willkommen im Netzwerk! Sie haben eine E-Mail mit einem Link erhalten, über den Sie Ihr Passwort festlegen. Danach können Sie sich anmelden und die Kooperationsvereinbarung annehmen.
network-app-keep-link = Bewahren Sie den Link zu dieser Seite auf: Nur damit sehen Sie den Stand Ihrer Bewerbung.

network-error-name = Bitte geben Sie den Namen der Organisation an (höchstens 200 Zeichen, eine Zeile).
network-error-contact = Bitte geben Sie den Namen der Ansprechperson an (höchstens 200 Zeichen).
network-error-email = Bitte geben Sie eine gültige E-Mail-Adresse an.
network-error-city = Bitte geben Sie den Sitz der Organisation an.
network-error-kind = Bitte wählen Sie die Art der Organisation.
network-error-too-long = Ein Eintrag ist zu lang.
network-error-website = Die Webseite muss mit https:// oder http:// beginnen.
network-error-language = Bitte wählen Sie Sprachen aus der Liste.
network-error-topic = Unbekanntes Arbeitsfeld: { $topic }
network-error-motivation = Bitte beschreiben Sie kurz, warum Sie mitarbeiten möchten.
network-error-statutes-missing = Bitte laden Sie Ihre Satzung als PDF hoch.
network-error-statutes-size = Die Datei ist zu groß: höchstens { $mb } MB.
network-error-statutes-type = Die Datei ist kein PDF. Bitte laden Sie die Satzung als PDF hoch.
network-error-already-submitted = Diese Bewerbung wurde bereits eingereicht und kann nicht mehr geändert werden.

network-mail-greeting = Guten Tag { $name },
network-mail-interest-subject = Ihr Interesse am Kooperationsnetzwerk { $city }
network-mail-interest-body = vielen Dank für das Interesse von „{ $organisation }“ am Kooperationsnetzwerk. Über den folgenden Link vervollständigen Sie die Bewerbung und sehen jederzeit ihren Stand.
network-mail-private-link = Ihr persönlicher Link (bitte nicht weitergeben):
network-mail-decision-subject = Entscheidung über Ihre Bewerbung – Kooperationsnetzwerk { $city }
network-mail-accepted-body = die Steuerungsgruppe hat entschieden: „{ $organisation }“ wird in das Kooperationsnetzwerk aufgenommen. Herzlich willkommen!
network-mail-rejected-body = die Steuerungsgruppe hat über die Bewerbung von „{ $organisation }“ entschieden und kann sie leider nicht annehmen.
network-mail-invitation = Über diesen Link legen Sie Ihr Passwort fest (14 Tage gültig). Danach melden Sie sich an und nehmen die Kooperationsvereinbarung an:
network-measures-topic-title = Maßnahmen des Netzwerks
network-measures-topic-none = Zu diesem Thema gibt es noch keine Maßnahmen.
