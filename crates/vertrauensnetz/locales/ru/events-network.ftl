# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = Повестка дня и протокол
events-organisers = Организаторы
events-agenda = Повестка дня
events-agenda-none = Повестка дня ещё не определена.
events-minutes = Протокол
events-minutes-none = Протокола пока нет, или он доступен только участникам.
events-minutes-attending = Присутствующие организации
events-minutes-summary = Ход заседания
events-minutes-decisions = Решения
events-minutes-actions = Согласованные задачи
events-minutes-topic-title = Протоколы
events-minutes-topic-none = По этой теме пока нет открытых протоколов.
