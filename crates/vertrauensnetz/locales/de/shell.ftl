# Shell: layout, start page, login, error pages. Every resident language has this file.

site-name = Vertrauensnetz
skip-to-content = Zum Inhalt springen
nav-language = Sprache
nav-account = Konto
nav-login = Anmelden
nav-logout = Abmelden
nav-staff = Arbeitsbereich
footer-emergency = Im Notfall: Polizei 110, Feuerwehr und Rettungsdienst 112.
footer-privacy = Diese Seiten laden nichts von fremden Servern und setzen keine Werbe- oder Analyse-Cookies.

portal-title = Sicherheit und Vertrauen in Ihrer Stadt
portal-intro = Wählen Sie Ihre Stadt.

start-page-title = Startseite
start-title = Vertrauensnetz { $city }
start-intro = Stadt, Polizei und Zivilgesellschaft arbeiten hier gemeinsam für Sicherheit und Vertrauen. Sie können Mängel und unsichere Orte melden, sich beschweren, eine Kontrollquittung prüfen, Veranstaltungen besuchen und Warnungen lesen.
start-emergency-title = Im Notfall
start-emergency-text = Rufen Sie die Polizei unter 110 oder Feuerwehr und Rettungsdienst unter 112. Diese Seiten ersetzen keinen Notruf.
start-services-title = Angebote
start-services-coming = Die Angebote für Bürgerinnen und Bürger werden hier nach und nach freigeschaltet.
start-staff-title = Für Mitarbeitende und Partner
start-staff-text = Mitarbeitende von Stadt, Polizei, Beschwerdestelle und Partnerorganisationen melden sich hier an.

login-title = Anmelden
login-email = E-Mail-Adresse
login-password = Passwort
login-submit = Anmelden
login-help = Sie haben Ihr Passwort vergessen? Wenden Sie sich an die Administration Ihrer Stelle.
login-failed = Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie E-Mail-Adresse und Passwort.
login-throttled = Zu viele Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.

second-factor-title = Zweiter Faktor
second-factor-intro = Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.
second-factor-code = Sechsstelliger Code
second-factor-submit = Bestätigen
second-factor-wrong = Der Code ist falsch oder wurde schon verwendet.

form-error-summary = Bitte korrigieren Sie die folgenden Angaben:

error-code = Fehlercode { $status }
error-back-home = Zur Startseite
error-not-found = Seite nicht gefunden
    .help = Diese Adresse gibt es nicht. Vielleicht hat sich ein Tippfehler eingeschlichen.
error-forbidden = Kein Zugriff
    .help = Sie haben keine Berechtigung für diese Seite.
error-unauthorized = Anmeldung erforderlich
    .help = Bitte melden Sie sich an.
error-bad-token = Ungültiger Zugangsschlüssel
    .help = Der Zugangsschlüssel (Bearer-Token) ist ungültig oder wurde widerrufen.
error-bad-request = Ungültige Anfrage
    .help = Die Anfrage konnte nicht verarbeitet werden. Bitte prüfen Sie Ihre Eingaben.
error-unprocessable = Eingaben unvollständig oder ungültig
    .help = Bitte prüfen Sie Ihre Eingaben. Es wurde nichts gespeichert.
error-too-large = Zu große Datenmenge
    .help = Die gesendeten Daten sind zu groß. Es wurde nichts gespeichert.
error-media-type = Falsches Datenformat
    .help = Die Daten wurden in einem Format gesendet, das hier nicht angenommen wird.
error-method = Aktion nicht möglich
    .help = Diese Aktion ist für diese Adresse nicht vorgesehen.
error-too-many = Zu viele Anfragen
    .help = Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.
error-csrf = Formular abgelaufen
    .help = Das Formular ist abgelaufen oder kam nicht von dieser Seite. Bitte laden Sie die Seite neu und senden Sie es noch einmal.
error-cross-site = Anfrage von fremder Seite abgelehnt
    .help = Diese Aktion kann nur von dieser Website aus ausgelöst werden.
error-unavailable = Vorübergehend nicht verfügbar
    .help = Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten erneut.
error-internal = Interner Fehler
    .help = Etwas ist schiefgegangen. Der Fehler wurde protokolliert. Bitte versuchen Sie es später erneut.
error-conflict = Nicht möglich
    .help = Diese Aktion ist im jetzigen Zustand nicht möglich.
