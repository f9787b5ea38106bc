# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = Tagesordnung und Protokoll
events-organisers = Veranstaltet von
events-agenda = Tagesordnung
events-agenda-none = Die Tagesordnung steht noch nicht fest.
events-minutes = Protokoll
events-minutes-none = Es gibt noch kein Protokoll, oder es ist nur für die Teilnehmenden sichtbar.
events-minutes-attending = Anwesende Organisationen
events-minutes-summary = Verlauf
events-minutes-decisions = Beschlüsse
events-minutes-actions = Vereinbarte Aufgaben
events-minutes-topic-title = Protokolle
events-minutes-topic-none = Zu diesem Thema gibt es noch keine öffentlichen Protokolle.
