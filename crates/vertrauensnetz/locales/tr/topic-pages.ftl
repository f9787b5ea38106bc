topics-title = Konular
topics-summary = Irkçılık, kriz içindeki insanlar, gençlik, önleme ve daha fazlası: bir konudaki tüm etkinlikler.
topics-intro = Polis, belediye ve ortak kuruluşların birlikte üzerinde çalıştığı konular. Her konu için etkinlikleri burada bulabilirsiniz.
topics-back = Tüm konular
topics-no-upcoming-events = Bu konuda şu anda planlanmış etkinlik yok.
topics-no-past-events = Bu konuda henüz etkinlik yapılmadı.
topics-calendar-link = Bu konudaki etkinlikleri takvim olarak abone olun (iCal)
