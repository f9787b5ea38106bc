# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = Porządek obrad i protokół
events-organisers = Organizatorzy
events-agenda = Porządek obrad
events-agenda-none = Porządek obrad nie został jeszcze ustalony.
events-minutes = Protokół
events-minutes-none = Protokołu jeszcze nie ma lub jest on widoczny tylko dla uczestników.
events-minutes-attending = Obecne organizacje
events-minutes-summary = Przebieg spotkania
events-minutes-decisions = Decyzje
events-minutes-actions = Uzgodnione zadania
events-minutes-topic-title = Protokoły
events-minutes-topic-none = Na ten temat nie ma jeszcze publicznych protokołów.
