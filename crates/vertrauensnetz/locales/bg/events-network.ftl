# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = Дневен ред и протокол
events-organisers = Организатори
events-agenda = Дневен ред
events-agenda-none = Дневният ред все още не е определен.
events-minutes = Протокол
events-minutes-none = Все още няма протокол или той е видим само за участниците.
events-minutes-attending = Присъстващи организации
events-minutes-summary = Ход на заседанието
events-minutes-decisions = Решения
events-minutes-actions = Договорени задачи
events-minutes-topic-title = Протоколи
events-minutes-topic-none = По тази тема все още няма публични протоколи.
