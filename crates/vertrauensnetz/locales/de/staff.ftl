# Staff pages: account, second factor enrolment, administration. German and English only.

staff-title = Arbeitsbereich
staff-welcome = Willkommen, { $name }.
staff-roles = Ihre Rollen hier:

totp-title = Zweiten Faktor einrichten
totp-required = Für Ihre Rolle ist ein zweiter Faktor vorgeschrieben. Richten Sie ihn jetzt ein, um fortzufahren.
totp-step-app = Installieren Sie eine Authenticator-App (zum Beispiel FreeOTP, Aegis oder die App Ihrer Behörde).
totp-step-scan = Scannen Sie den QR-Code oder geben Sie den Schlüssel von Hand ein.
totp-secret-label = Schlüssel:
totp-step-code = Geben Sie den sechsstelligen Code ein, den die App anzeigt.
totp-enable = Zweiten Faktor aktivieren

account-title = Mein Konto
account-name = Name
account-login = Anmeldename (E-Mail)
account-roles = Rollen
account-second-factor = Zweiter Faktor
account-totp-on = eingerichtet
account-totp-off = nicht eingerichtet
account-totp-setup = Jetzt einrichten
account-password-title = Passwort ändern
account-password-current = Bisheriges Passwort
account-password-new = Neues Passwort
account-password-hint = Mindestens 12 Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und sicher.
account-password-confirm = Neues Passwort wiederholen
account-password-submit = Passwort ändern
account-password-wrong = Das bisherige Passwort stimmt nicht.
account-password-mismatch = Die beiden neuen Passwörter stimmen nicht überein.
account-password-changed = Das Passwort wurde geändert. Alle anderen Anmeldungen wurden beendet.

admin-users-title = Konten und Rollen
admin-users-caption = Konten mit einer Rolle in dieser Stadt
admin-users-status = Status
admin-users-actions = Aktionen
admin-users-active = aktiv
admin-users-inactive = deaktiviert
admin-users-activate = Aktivieren
admin-users-deactivate = Deaktivieren
admin-users-reset = Passwort zurücksetzen
admin-users-new = Neues Konto
admin-users-role = Rolle
admin-users-create = Konto anlegen
admin-users-created = Das Konto wurde angelegt. Geben Sie der Person dieses Passwort auf sicherem Weg weiter; es wird nur jetzt angezeigt:
admin-users-granted = Das Konto gab es schon; es hat jetzt zusätzlich die Rolle { $role }.
admin-users-saved = Gespeichert.
admin-users-password-reset = Das Passwort wurde zurückgesetzt. Neues Passwort (wird nur jetzt angezeigt):
admin-users-name-invalid = Bitte geben Sie einen Namen mit höchstens 200 Zeichen an.
admin-users-email-invalid = Bitte geben Sie eine gültige E-Mail-Adresse an.
admin-users-role-invalid = Bitte wählen Sie eine Rolle aus der Liste.

audit-title = Prüfprotokoll
audit-intro = Jede Änderung durch Mitarbeitende wird hier in einer verketteten, nicht änderbaren Liste festgehalten. Die Kette prüft der Befehl „vertrauensnetz audit verify“.
audit-caption = Die neuesten 200 Einträge
audit-time = Zeit
audit-actor = Wer
audit-action = Aktion
audit-object = Objekt
audit-details = Einzelheiten

outbox-title = Postausgang
outbox-caption = Die neuesten 200 Nachrichten
outbox-created = Erstellt
outbox-subject = Betreff
outbox-state = Zustand
outbox-attempts = Versuche
outbox-sent = versandt
outbox-pending = wartet auf Versand
outbox-failed = aufgegeben: { $error }

notifications-title = Benachrichtigungen
notifications-summary = Was Ihre Aufmerksamkeit braucht: Abstimmungen, Bewerbungen, Freigaben, neue Fassungen.
notifications-none = Keine Benachrichtigungen.
notifications-unread = { $n ->
    [0] Alles gelesen.
    [one] Eine ungelesene Benachrichtigung.
   *[other] { $n } ungelesene Benachrichtigungen.
}
notifications-new = Neu
notifications-mark-read = Alle als gelesen markieren
notification-consultation = Bitte um Rückmeldung: { $subject }
notification-review = Bewerbung zur Prüfung: { $subject }
notification-press = Pressemitteilung zur Freigabe: { $subject }
notification-agreement = Neue Fassung { $subject } der Kooperationsvereinbarung
