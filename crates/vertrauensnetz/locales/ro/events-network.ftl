# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = Ordinea de zi și procesul-verbal
events-organisers = Organizat de
events-agenda = Ordinea de zi
events-agenda-none = Ordinea de zi nu a fost încă stabilită.
events-minutes = Procesul-verbal
events-minutes-none = Nu există încă un proces-verbal sau acesta este vizibil doar pentru participanți.
events-minutes-attending = Organizații prezente
events-minutes-summary = Desfășurarea ședinței
events-minutes-decisions = Decizii
events-minutes-actions = Sarcini convenite
events-minutes-topic-title = Procese-verbale
events-minutes-topic-none = Pe această temă nu există încă procese-verbale publice.
