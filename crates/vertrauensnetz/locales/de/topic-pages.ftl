# Public topic pages.
topics-title = Themen
topics-summary = Rassismus, Menschen in Krisen, Jugend, Prävention und mehr: alle Veranstaltungen zu einem Thema.
topics-intro = Woran Polizei, Stadt und Partnerorganisationen gemeinsam arbeiten. Zu jedem Thema finden Sie die Veranstaltungen.
topics-back = Alle Themen
topics-no-upcoming-events = Zurzeit sind zu diesem Thema keine Veranstaltungen geplant.
topics-no-past-events = Zu diesem Thema gab es noch keine Veranstaltungen.
topics-calendar-link = Veranstaltungen zu diesem Thema als Kalender abonnieren (iCal)
