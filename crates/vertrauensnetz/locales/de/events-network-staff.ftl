# Events in the network: organisers, agenda and minutes for coordinators;
# occasion-based consultations for police, coordinators and partners.
events-minutes-staff-title = Veranstalter, Tagesordnung und Protokoll
events-minutes-public-view = Ansicht für Teilnehmende
events-organisers-legend = Veranstaltende Organisationen (gemeinsame Veranstaltung: mehrere wählen)
events-invited-bodies = Eingeladene Gremien
events-agenda-item = Tagesordnungspunkt
events-agenda-presenter = Vortragende Person
events-agenda-add = Punkt hinzufügen
events-minutes-decisions-field = Beschlüsse (einer pro Zeile)
events-minutes-visibility = Wer darf das Protokoll lesen?
events-minutes-visibility-participants = Nur die Teilnehmenden (Veranstalter, anwesende Organisationen, eingeladene Gremien)
events-minutes-visibility-public = Alle (öffentlich)
events-minutes-save = Protokoll speichern
events-minutes-error-visibility = Bitte wählen Sie, wer das Protokoll lesen darf.
events-minutes-error-measure = Bitte wählen Sie die Maßnahme, zu der die Aufgabe gehört.
events-minutes-error-owner = Bitte wählen Sie die verantwortliche Organisation.
events-minutes-error-due = Bitte geben Sie ein Fälligkeitsdatum an (JJJJ-MM-TT).

events-consultations-title = Anlassbezogene Abstimmungen
events-consultations-intro = Vor Sportereignissen und Großveranstaltungen, nach schweren Unglücks- oder Kriminalfällen fragen Polizei und Koordinierung die Partner nach Sicherheitsbedürfnissen und Sorgen.
events-consultations-caption = Abstimmungen, neueste zuerst
events-consultations-none = Es gibt keine Abstimmungen für Sie.
events-consultation-title = Anlassbezogene Abstimmung
events-consultation-new = Neue Abstimmung
events-consultation-occasion = Anlass
events-occasion-sports_event = Sportereignis
events-occasion-large_event = Großveranstaltung
events-occasion-major_accident = Schweres Unglück
events-occasion-crime_case = Kriminalfall
events-occasion-other = Sonstiger Anlass
events-consultation-status-open = offen
events-consultation-status-closed = abgeschlossen
events-consultation-date = Datum
events-consultation-area = Gebiet
events-consultation-bodies = Gefragte Gremien
events-consultation-open = Abstimmung eröffnen und Partner benachrichtigen
events-consultation-answers = Rückmeldungen
events-consultation-answers-none = Noch keine Rückmeldungen.
events-consultation-hidden = { $n ->
    [one] Eine weitere Rückmeldung ist nur für Polizei und Koordinierung sichtbar.
   *[other] { $n } weitere Rückmeldungen sind nur für Polizei und Koordinierung sichtbar.
}
events-consultation-restricted-mark = nur für Polizei und Koordinierung
events-consultation-your-answer = Ihre Rückmeldung
events-consultation-answer-field = Sicherheitsbedürfnisse oder Sorgen
events-consultation-restricted = Nur für Polizei und Koordinierung sichtbar
events-consultation-send = Rückmeldung senden
events-consultation-measures = Vereinbarte Maßnahmen
events-consultation-measures-none = Noch keine Maßnahme verknüpft.
events-consultation-link-measure = Maßnahme verknüpfen
events-consultation-meeting = Treffen
events-consultation-meeting-link = Zum Treffen
events-consultation-meeting-title = Abstimmungstreffen: { $title }
events-consultation-schedule = Treffen ansetzen
events-consultation-starts = Beginn
events-consultation-duration = Dauer (Minuten)
events-consultation-place = Ort
events-consultation-schedule-submit = Treffen ansetzen
events-consultation-close = Abstimmung abschließen
events-consultation-error-occasion = Bitte wählen Sie einen Anlass.
events-consultation-error-bodies = Bitte wählen Sie mindestens ein Gremium.
events-consultation-error-text = Bitte schreiben Sie Ihre Rückmeldung (höchstens 10 000 Zeichen).
events-consultation-error-closed = Die Abstimmung ist abgeschlossen.
events-consultation-error-time = Bitte geben Sie Datum und Uhrzeit des Treffens an.
events-consultation-mail-subject = Abstimmung: { $title }
events-consultation-mail-body = Polizei und Koordinierung bitten um Ihre Einschätzung zu einem Anlass ({ $occasion }). Welche Sicherheitsbedürfnisse oder Sorgen gibt es?
events-consultations-summary = Anlassbezogene Abstimmungen vor Sportereignissen, Großveranstaltungen und nach schweren Unglücks- oder Kriminalfällen.
