# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = Agenda and minutes
events-organisers = Organised by
events-agenda = Agenda
events-agenda-none = The agenda has not been set yet.
events-minutes = Minutes
events-minutes-none = There are no minutes yet, or they are visible to the participants only.
events-minutes-attending = Organisations present
events-minutes-summary = Proceedings
events-minutes-decisions = Decisions
events-minutes-actions = Agreed action items
events-minutes-topic-title = Minutes
events-minutes-topic-none = There are no public minutes on this topic yet.
