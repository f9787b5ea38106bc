places-staff-title = Schutzräume verwalten
places-staff-summary = Anmeldungen von Lokalen prüfen und freigeben.
places-staff-active = { $n } Orte sind öffentlich gelistet.
places-staff-applications = Anmeldungen
places-staff-none = Keine offenen Anmeldungen.
places-staff-approve = Aufnehmen
places-staff-reject = Ablehnen
