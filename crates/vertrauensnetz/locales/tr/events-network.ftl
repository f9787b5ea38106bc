# Events in the network: the public page with agenda and minutes. Every
# resident language has this file.
events-minutes-title = Gündem ve tutanak
events-organisers = Düzenleyen
events-agenda = Gündem
events-agenda-none = Gündem henüz belirlenmedi.
events-minutes = Tutanak
events-minutes-none = Henüz tutanak yok ya da tutanağı yalnızca katılımcılar görebilir.
events-minutes-attending = Katılan kuruluşlar
events-minutes-summary = Görüşmelerin seyri
events-minutes-decisions = Kararlar
events-minutes-actions = Kararlaştırılan görevler
events-minutes-topic-title = Tutanaklar
events-minutes-topic-none = Bu konuda henüz herkese açık tutanak yok.
