# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = Порядок денний і протокол
events-organisers = Організатори
events-agenda = Порядок денний
events-agenda-none = Порядок денний ще не визначено.
events-minutes = Протокол
events-minutes-none = Протоколу ще немає, або він доступний лише учасникам.
events-minutes-attending = Присутні організації
events-minutes-summary = Хід засідання
events-minutes-decisions = Рішення
events-minutes-actions = Узгоджені завдання
events-minutes-topic-title = Протоколи
events-minutes-topic-none = З цієї теми ще немає відкритих протоколів.
