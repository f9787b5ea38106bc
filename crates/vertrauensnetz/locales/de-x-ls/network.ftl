# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = Kooperations·netzwerk
network-public-summary = Die Polizei, die Stadt und Vereine und Gruppen reden miteinander. Hier lesen Sie: Wer macht mit? Was haben alle zusammen beschlossen? Wie können Sie mitmachen?
network-public-intro = Im Kooperations·netzwerk arbeiten zusammen: die Polizei, die Stadt und Vereine und Gruppen aus der Stadt. Kooperation heißt: Zusammen·arbeit. Das Ziel ist: Die Menschen reden miteinander. Und die Menschen haben Vertrauen. Hier finden Sie die Partner. Partner sind die Gruppen im Netzwerk. Hier finden Sie auch die Kooperations·vereinbarung. Das ist ein Vertrag. In dem Vertrag steht: So wollen wir zusammen·arbeiten. Und hier finden Sie Presse·mitteilungen. Sie lesen hier auch: Was haben die Partner schon geschafft?
network-public-partners = Partner·organisationen
network-public-none = Es gibt hier noch keine Partner·organisationen zum Anschauen.
network-public-back = Zurück zum Kooperations·netzwerk
network-logo-alt = Logo von { $organisation }

network-org-kind-migrant_organisation = Verein von Menschen aus anderen Ländern
network-org-kind-youth_organisation = Verein für junge Menschen
network-org-kind-association = Verein
network-org-kind-religious_community = Religiöse Gemeinde
network-org-kind-counselling_service = Beratungs·stelle
network-org-kind-police_unit = Stelle von der Polizei
network-org-kind-city_office = Stelle von der Stadt
network-org-kind-other = Andere

network-news-title = Gemeinsame Presse·mitteilungen
network-news-summary = Nachrichten vom Netzwerk. Alle Partner haben dazu Ja gesagt.
network-news-intro = Eine Presse·mitteilung ist eine Nachricht für Zeitungen, Radio und Fernsehen. Wir zeigen eine Presse·mitteilung erst dann: Alle beteiligten Partner haben den Text gelesen. Und alle haben Ja gesagt.
network-news-none = Es gibt noch keine Presse·mitteilungen.
network-news-feed = Neue Presse·mitteilungen automatisch bekommen (Atom-Feed)
network-news-feed-title = Gemeinsame Presse·mitteilungen – Kooperations·netzwerk { $city }
network-news-feed-author = Kooperations·netzwerk { $city }
network-news-signatories = Diese Partner geben die Mitteilung zusammen heraus
network-news-back = Alle Presse·mitteilungen

network-agreement-title = Kooperations·vereinbarung
network-agreement-version-of = Version { $version } vom
network-agreement-untranslated = Diese Version gibt es noch nicht in Leichter Sprache. Darum sehen Sie hier den Text in schwerer Sprache.
network-agreement-preamble = Einleitung
network-agreement-goals = Ziele
network-agreement-measures = Das wollen wir tun
network-agreement-closing = Letzte Regeln
network-agreement-signatories = Diese Partner haben unterschrieben
network-agreement-no-signatories = Es hat noch niemand unterschrieben.
network-agreement-versions = Frühere Versionen
network-agreement-changes-in = Das ist neu in Version { $version }
network-agreement-none = Es gibt noch keine Kooperations·vereinbarung.
network-agreement-diff-title = Unterschiede zwischen 2 Versionen
network-agreement-diff-from = Von Version
network-agreement-diff-to = Bis Version
network-agreement-diff-show = Vergleichen
network-agreement-diff-count = { $n ->
    [0] Es gibt keine Änderungen.
    [one] 1 Zeile ist anders.
   *[other] { $n } Zeilen sind anders.
}
network-agreement-back = Zur neuesten Version
network-diff-added = Neu
network-diff-removed = Gelöscht

network-accountability-title = Was wir tun und was wir schon geschafft haben
network-accountability-intro = Hier lesen Sie: Welche Ziele hat das Netzwerk? Was tut das Netzwerk für diese Ziele? Welche Aufgaben sind schon fertig?
network-accountability-none = Es gibt hier noch keine Ziele.
network-progress = Fertig: { $done }
network-progress-of = So viel ist fertig: { $title }
network-actions-of = Aufgaben für: { $title }
network-action = Aufgabe
network-action-owner = Wer ist verantwortlich?
network-action-due = Fertig bis
network-action-status = Stand
network-action-overdue = zu spät
network-action-status-open = noch nicht angefangen
network-action-status-in_progress = wird gerade gemacht
network-action-status-done = fertig
network-action-status-dropped = wird nicht gemacht

network-join-title = Partner werden
network-join-intro = Ihre Organisation möchte im Kooperations·netzwerk mitmachen? Dann schreiben Sie uns hier. Danach bekommen Sie einen Link per E-Mail. Der Link ist nur für Sie. Mit dem Link schicken Sie uns Ihre Bewerbung. Bewerbung heißt: Sie fragen, ob Sie mitmachen dürfen. Mit dem Link sehen Sie auch: So weit ist Ihre Bewerbung.
network-join-step-interest = Sie sagen uns: Wir möchten mitmachen. Dafür ist dieses Formular.
network-join-step-application = Sie schicken uns Ihre Bewerbung und Ihre Satzung. Die Satzung sind die Regeln von Ihrer Organisation.
network-join-step-review = Die Steuerungs·gruppe prüft die Bewerbung. Dann stimmt die Gruppe ab. Die Steuerungs·gruppe leitet das Netzwerk.
network-join-step-decision = Sie bekommen eine E-Mail mit der Entscheidung. In der E-Mail steht auch der Grund für die Entscheidung.
network-join-privacy = Wir brauchen Ihre Angaben nur für die Bewerbung. Nur die Koordinierungs·stelle sieht Ihre Kontakt·daten. Die Koordinierungs·stelle organisiert das Netzwerk. Später sieht auch Ihre eigene Organisation die Kontakt·daten.
network-join-submit = Jetzt abschicken
network-required-hint = Felder mit einem * müssen Sie ausfüllen.
network-choose = Bitte wählen Sie aus

network-field-org-name = Name von der Organisation
network-field-contact-name = Name von der Kontakt·person
network-field-function = Funktion in der Organisation
network-field-email = E-Mail-Adresse
network-field-email-hint = An diese Adresse schicken wir Ihnen den Link. Der Link ist nur für Sie.
network-field-phone = Telefon·nummer
network-field-seat = In welcher Stadt ist die Organisation?
network-field-seat-hint = Mitmachen können nur Organisationen aus dieser Stadt.
network-field-kind = Art von Organisation
network-field-street = Straße und Haus·nummer
network-field-postcode = Post·leitzahl
network-field-website = Internet·seite
network-field-languages = Diese Sprachen sprechen wir
network-field-topics = Themen
network-field-motivation = Warum möchten Sie mitmachen?
network-field-statutes = Satzung als PDF-Datei
network-field-statutes-hint = Die Satzung sind die Regeln von Ihrer Organisation. Es geht nur eine PDF-Datei. Die Datei darf höchstens { $mb } MB groß sein.

network-app-title = Ihre Bewerbung
network-app-status = Stand
network-app-status-interest = Sie möchten mitmachen
network-app-status-submitted = Wir haben Ihre Bewerbung bekommen
network-app-status-in_review = Wir prüfen die Bewerbung
network-app-status-accepted = Sie sind jetzt im Netzwerk
network-app-status-rejected = Leider abgelehnt
network-app-step-decision = Entscheidung
network-step-done = fertig
network-app-form-title = Bewerbung fertig machen
network-app-form-intro = Bitte schreiben Sie: Was macht Ihre Organisation? Und bitte laden Sie Ihre Satzung hoch. Die Satzung sind die Regeln von Ihrer Organisation. Wichtig: Nach dem Abschicken können Sie nichts mehr ändern.
network-app-org-legend = Organisation
network-app-contact-legend = Kontakt·person
network-app-submit = Bewerbung abschicken
network-app-wait = Wir haben Ihre Bewerbung. Wir entscheiden bald. Dann schreiben wir Ihnen eine E-Mail.
network-app-reason = Grund für die Entscheidung
network-app-accepted-next = Willkommen im Netzwerk! Sie haben eine E-Mail bekommen. In der E-Mail ist ein Link. Mit dem Link machen Sie Ihr Pass·wort. Dann können Sie sich anmelden. Danach können Sie die Kooperations·vereinbarung annehmen. Das heißt: Sie sagen Ja zu dem Vertrag.
network-app-keep-link = Bitte speichern Sie den Link zu dieser Seite. Nur mit dem Link sehen Sie: So weit ist Ihre Bewerbung.

network-error-name = Bitte schreiben Sie den Namen von der Organisation. Der Name darf höchstens 200 Zeichen haben. Und der Name muss in 1 Zeile passen.
network-error-contact = Bitte schreiben Sie den Namen von der Kontakt·person. Der Name darf höchstens 200 Zeichen haben.
network-error-email = Die E-Mail-Adresse ist nicht richtig. Bitte schreiben Sie eine richtige E-Mail-Adresse.
network-error-city = Bitte schreiben Sie: In welcher Stadt ist die Organisation?
network-error-kind = Bitte wählen Sie: Welche Art von Organisation ist es?
network-error-too-long = Ein Text ist zu lang. Bitte schreiben Sie weniger.
network-error-website = Die Internet·seite muss mit https:// oder http:// anfangen.
network-error-language = Bitte wählen Sie Sprachen aus der Liste.
network-error-topic = Dieses Thema kennen wir nicht: { $topic }
network-error-motivation = Bitte schreiben Sie kurz: Warum möchten Sie mitmachen?
network-error-statutes-missing = Bitte laden Sie Ihre Satzung hoch. Die Satzung muss eine PDF-Datei sein.
network-error-statutes-size = Die Datei ist zu groß. Die Datei darf höchstens { $mb } MB groß sein.
network-error-statutes-type = Die Datei ist keine PDF-Datei. Bitte laden Sie die Satzung als PDF-Datei hoch.
network-error-already-submitted = Sie haben diese Bewerbung schon abgeschickt. Sie können die Bewerbung jetzt nicht mehr ändern.

network-mail-greeting = Guten Tag { $name },
network-mail-interest-subject = Sie möchten beim Kooperations·netzwerk { $city } mitmachen
network-mail-interest-body = Sie möchten mit „{ $organisation }“ beim Kooperations·netzwerk mitmachen. Vielen Dank! Unten ist ein Link. Mit dem Link machen Sie Ihre Bewerbung fertig. Und mit dem Link sehen Sie immer: So weit ist Ihre Bewerbung.
network-mail-private-link = Hier ist Ihr Link. Der Link ist nur für Sie. Bitte geben Sie den Link nicht weiter:
network-mail-decision-subject = Wir haben über Ihre Bewerbung entschieden – Kooperations·netzwerk { $city }
network-mail-accepted-body = Die Steuerungs·gruppe leitet das Netzwerk. Die Steuerungs·gruppe hat entschieden: „{ $organisation }“ ist jetzt im Kooperations·netzwerk. Herzlich willkommen!
network-mail-rejected-body = Die Steuerungs·gruppe leitet das Netzwerk. Die Steuerungs·gruppe hat über die Bewerbung von „{ $organisation }“ entschieden. Leider ist die Antwort: Nein.
network-mail-invitation = Mit diesem Link machen Sie Ihr Pass·wort. Der Link gilt 14 Tage. Danach melden Sie sich an. Dann nehmen Sie die Kooperations·vereinbarung an. Das heißt: Sie sagen Ja zu dem Vertrag. Hier ist der Link:
network-measures-topic-title = Was das Netz·werk macht
network-measures-topic-none = Zu diesem Thema gibt es noch keine Maß·nahmen.
