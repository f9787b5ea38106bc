# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = Tages·ordnung und Protokoll
events-organisers = Wer macht die Veranstaltung?
events-agenda = Tages·ordnung
events-agenda-none = Die Tages·ordnung ist noch nicht fertig. In der Tages·ordnung steht: Über diese Themen reden wir bei der Veranstaltung.
events-minutes = Protokoll
events-minutes-none = Es gibt noch kein Protokoll. Oder nur die Menschen bei der Veranstaltung dürfen das Protokoll lesen. Im Protokoll steht: Das ist bei der Veranstaltung passiert.
events-minutes-attending = Welche Organisationen waren da?
events-minutes-summary = Was ist passiert?
events-minutes-decisions = Was haben alle zusammen beschlossen?
events-minutes-actions = Welche Aufgaben haben alle zusammen abgemacht?
events-minutes-topic-title = Protokolle
events-minutes-topic-none = Zu diesem Thema gibt es noch kein Protokoll für alle.
