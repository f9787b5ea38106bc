# Shell: layout, start page, login, error pages. Every resident language has this file.

site-name = Vertrauensnetz
skip-to-content = Direkt zum Inhalt
nav-language = Sprache
nav-account = Ihr Konto
nav-login = Anmelden
nav-logout = Abmelden
nav-staff = Arbeits·bereich
footer-emergency = Im Not·fall: Polizei 110. Feuer·wehr und Kranken·wagen 112.
footer-privacy = Diese Internet·seiten laden nichts von fremden Computern. Diese Internet·seiten speichern keine Cookies für Werbung oder Statistik. Cookies sind kleine Dateien auf Ihrem Computer oder Handy.

portal-title = Sicherheit und Vertrauen in Ihrer Stadt
portal-intro = Bitte wählen Sie Ihre Stadt.

start-page-title = Start·seite
start-title = Vertrauensnetz { $city }
start-intro = Hier arbeiten zusammen: die Stadt, die Polizei und Vereine und Gruppen aus der Stadt. Das Ziel ist: Die Menschen in der Stadt sind sicher. Und die Menschen haben Vertrauen. Auf diesen Internet·seiten können Sie Schäden melden. Zum Beispiel eine kaputte Straßen·lampe. Sie können Orte melden, an denen Sie sich nicht sicher fühlen. Sie können sich beschweren. Sie können eine Kontroll·quittung prüfen. Eine Kontroll·quittung ist ein Zettel von der Polizei. Sie bekommen den Zettel, wenn die Polizei Sie kontrolliert hat. Sie können zu Veranstaltungen gehen. Und Sie können Warnungen lesen.
start-emergency-title = Im Not·fall
start-emergency-text = Brauchen Sie schnell Hilfe? Dann rufen Sie die Polizei an. Die Telefon·nummer ist 110. Bei Feuer oder bei schweren Verletzungen rufen Sie die Nummer 112 an. Dann kommen die Feuer·wehr und der Kranken·wagen. Wichtig: Diese Internet·seiten sind kein Not·ruf. Im Not·fall müssen Sie immer anrufen.
start-services-title = Angebote
start-services-coming = Hier finden Sie bald Angebote für die Menschen in der Stadt. Es kommen nach und nach mehr Angebote dazu.
start-staff-title = Für Mitarbeiterinnen, Mitarbeiter und Partner
start-staff-text = Arbeiten Sie bei der Stadt, bei der Polizei oder bei der Beschwerde·stelle? Oder arbeiten Sie bei einer Partner·organisation? Dann melden Sie sich hier an.

login-title = Anmelden
login-email = E-Mail-Adresse
login-password = Pass·wort
login-submit = Anmelden
login-help = Haben Sie Ihr Pass·wort vergessen? Dann fragen Sie die Administration an Ihrer Arbeits·stelle. Die Administration kümmert sich um die Computer und um die Zugänge.
login-failed = Die Anmeldung hat nicht geklappt. Bitte prüfen Sie: Ist die E-Mail-Adresse richtig? Ist das Pass·wort richtig?
login-throttled = Sie haben zu oft versucht, sich anzumelden. Bitte warten Sie 15 Minuten. Dann versuchen Sie es noch einmal.

second-factor-title = Zweiter Schritt: Code eingeben
second-factor-intro = Öffnen Sie Ihre Authenticator-App. Das ist ein Programm für eine sichere Anmeldung. Die App zeigt Ihnen einen Code mit 6 Zahlen. Schreiben Sie diesen Code hier hinein.
second-factor-code = Code mit 6 Zahlen
second-factor-submit = Bestätigen
second-factor-wrong = Der Code ist falsch. Oder Sie haben den Code schon einmal benutzt. Bitte geben Sie einen neuen Code ein.

form-error-summary = Bitte verbessern Sie diese Angaben:

error-code = Fehler·nummer { $status }
error-back-home = Zur Start·seite
error-not-found = Diese Seite gibt es nicht
    .help = Diese Internet·adresse gibt es nicht. Vielleicht ist in der Adresse ein Tipp·fehler. Bitte prüfen Sie die Adresse.
error-forbidden = Kein Zugang
    .help = Sie dürfen diese Seite nicht sehen.
error-unauthorized = Bitte melden Sie sich an
    .help = Sie müssen sich zuerst anmelden. Dann können Sie diese Seite sehen.
error-bad-token = Der Zugangs·schlüssel ist falsch
    .help = Ein Zugangs·schlüssel ist ein geheimer Code für den Zugang. Fachleute sagen dazu: Bearer-Token. Dieser Zugangs·schlüssel gilt nicht. Oder er gilt nicht mehr.
error-bad-request = Die Anfrage ist falsch
    .help = Ihre Anfrage hat nicht funktioniert. Bitte prüfen Sie Ihre Angaben.
error-unprocessable = Angaben fehlen oder sind falsch
    .help = Bitte prüfen Sie Ihre Angaben. Wichtig: Es wurde nichts gespeichert.
error-too-large = Zu viele Daten
    .help = Sie haben zu viele Daten geschickt. Es wurde nichts gespeichert.
error-media-type = Falsche Art von Daten
    .help = Die Daten haben eine falsche Form. Diese Seite kann die Daten so nicht annehmen.
error-method = Das geht hier nicht
    .help = Das können Sie auf dieser Seite nicht machen.
error-too-many = Zu viele Anfragen
    .help = Bitte warten Sie ein paar Minuten. Dann versuchen Sie es noch einmal.
error-csrf = Das Formular ist zu alt
    .help = Das Formular ist zu alt. Oder das Formular kommt nicht von dieser Internet·seite. Bitte laden Sie die Seite neu. Dann schicken Sie das Formular noch einmal ab.
error-cross-site = Anfrage abgelehnt
    .help = Die Anfrage kam von einer anderen Internet·seite. Das ist nicht erlaubt. Sie können das nur auf dieser Internet·seite machen.
error-unavailable = Gerade nicht erreichbar
    .help = Diese Seite funktioniert gerade nicht. Bitte warten Sie ein paar Minuten. Dann versuchen Sie es noch einmal.
error-internal = Ein Fehler im System
    .help = Etwas hat nicht funktioniert. Wir haben den Fehler gespeichert. Bitte versuchen Sie es später noch einmal.
error-conflict = Das geht nicht
    .help = Das geht gerade nicht.
