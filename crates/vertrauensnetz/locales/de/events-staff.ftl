# Organisers' event pages. German and English only.

events-staff-title = Veranstaltungen verwalten
events-staff-summary = Anmeldungen, Wartelisten, Teilnehmendenlisten und Einlass.
events-staff-caption = Alle Veranstaltungen, neueste zuerst
events-staff-audience = Zielgruppe
events-staff-status = Status
events-staff-places = Belegt
events-staff-waiting = Warteliste
events-staff-attendees = Teilnehmende
events-staff-confirmed = Bestätigt:
events-staff-checked-in = Eingelassen:
events-staff-export = Teilnehmendenliste herunterladen (CSV)
events-staff-search = Suche nach Name, E-Mail oder Organisation
events-staff-search-submit = Suchen
events-staff-check-in = Einlass
events-staff-undo-check-in = Einlass zurücknehmen
events-audience-public = öffentlich
events-audience-partners = Partnerorganisationen
events-audience-invited = geladene Gremien
events-status-draft = Entwurf
events-status-published = veröffentlicht
events-status-cancelled = abgesagt
events-status-done = beendet
events-registration-status-confirmed = bestätigt
events-registration-status-waitlisted = Warteliste
events-registration-status-cancelled = abgemeldet
