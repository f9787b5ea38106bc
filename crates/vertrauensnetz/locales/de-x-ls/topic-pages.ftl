topics-title = Themen
topics-summary = Zum Beispiel: Rassismus, Menschen in Krisen, Jugend. Hier finden Sie alle Veranstaltungen zu einem Thema.
topics-intro = An diesen Themen arbeiten Polizei, Stadt und Vereine zusammen. Bei jedem Thema finden Sie die Veranstaltungen.
topics-back = Alle Themen
topics-no-upcoming-events = Im Moment gibt es zu diesem Thema keine Veranstaltungen.
topics-no-past-events = Zu diesem Thema gab es noch keine Veranstaltungen.
topics-calendar-link = Alle Veranstaltungen zu diesem Thema für Ihren Kalender (iCal)
