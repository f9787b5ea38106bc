# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = İş birliği ağı
network-public-summary = Polis, belediye ve sivil toplum kuruluşları diyalog içinde – kimlerin yer aldığı, neler üzerinde anlaşıldığı ve nasıl katılabileceğiniz.
network-public-intro = İş birliği ağında polis, belediye ve sivil toplum kuruluşları diyalog ve güven için birlikte çalışır. Burada ortakları, iş birliği anlaşmasını, ortak basın açıklamalarını ve kararlaştırılan önlemlerin durumunu bulabilirsiniz.
network-public-partners = Ortak kuruluşlar
network-public-none = Henüz hiçbir ortak kuruluşun herkese açık bir profili yok.
network-public-back = İş birliği ağına dön
network-logo-alt = { $organisation } logosu

network-org-kind-migrant_organisation = Göçmen kuruluşu
network-org-kind-youth_organisation = Gençlik kuruluşu
network-org-kind-association = Dernek
network-org-kind-religious_community = Dini topluluk
network-org-kind-counselling_service = Danışma merkezi
network-org-kind-police_unit = Polis birimi
network-org-kind-city_office = Belediye birimi
network-org-kind-other = Diğer

network-news-title = Ortak basın açıklamaları
network-news-summary = Katılan tüm ortakların onayladığı açıklamalar.
network-news-intro = Bu açıklamalar, ancak katılan her ortak kuruluş metnin tam hâlini onayladıktan sonra yayımlanır.
network-news-none = Henüz yayımlanmış bir açıklama yok.
network-news-feed = Açıklamalara Atom beslemesi olarak abone olun
network-news-feed-title = Ortak basın açıklamaları – { $city } iş birliği ağı
network-news-feed-author = { $city } iş birliği ağı
network-news-signatories = Birlikte yayımlayanlar
network-news-back = Tüm açıklamalar

network-agreement-title = İş birliği anlaşması
network-agreement-version-of = Sürüm { $version }, tarih:
network-agreement-untranslated = Bu sürüm henüz sizin dilinizde mevcut değil. Almanca metni görüyorsunuz.
network-agreement-preamble = Başlangıç
network-agreement-goals = Hedefler
network-agreement-measures = Önlemler
network-agreement-closing = Son hükümler
network-agreement-signatories = İmzalayanlar
network-agreement-no-signatories = Henüz imza yok.
network-agreement-versions = Önceki sürümler
network-agreement-changes-in = Sürüm { $version } ile gelen değişiklikler
network-agreement-none = Henüz yayımlanmış bir anlaşma yok.
network-agreement-diff-title = İki sürüm arasındaki değişiklikler
network-agreement-diff-from = Başlangıç sürümü
network-agreement-diff-to = Bitiş sürümü
network-agreement-diff-show = Karşılaştır
network-agreement-diff-count = { $n ->
    [0] Değişiklik yok.
    [one] Bir satır değişti.
   *[other] { $n } satır değişti.
}
network-agreement-back = Güncel sürüme dön
network-diff-added = Eklendi
network-diff-removed = Kaldırıldı

network-accountability-title = Önlemler ve uygulama
network-accountability-intro = Ağın kendine hangi hedefleri koyduğu, bu hedefleri hangi önlemlerle izlediği ve görevlerin ne ölçüde yerine getirildiği.
network-accountability-none = Henüz hedef girilmemiş.
network-progress = Tamamlanan: { $done }
network-progress-of = İlerleme: { $title }
network-actions-of = Görevler: { $title }
network-action = Görev
network-action-owner = Sorumlu
network-action-due = Son tarih
network-action-status = Durum
network-action-overdue = gecikmiş
network-action-status-open = açık
network-action-status-in_progress = devam ediyor
network-action-status-done = tamamlandı
network-action-status-dropped = vazgeçildi

network-join-title = Ortak olun
network-join-intro = Kuruluşunuz iş birliği ağında yer almak mı istiyor? İlginizi burada bildirin. Ardından başvurunuzu tamamlayabileceğiniz ve durumunu takip edebileceğiniz kişisel bir bağlantı alacaksınız.
network-join-step-interest = İlginizi bildirin (bu form)
network-join-step-application = Başvurunuzu tüzüğünüzle birlikte gönderin
network-join-step-review = Yürütme grubunda inceleme ve oylama
network-join-step-decision = Gerekçeli kararın e-posta ile bildirilmesi
network-join-privacy = Bilgilerinizi yalnızca başvuru süreci için kullanırız. İletişim bilgilerini yalnızca koordinasyon birimi ve daha sonra kendi kuruluşunuz görebilir.
network-join-submit = İlgi bildirimini gönder
network-required-hint = Yıldız (*) ile işaretli alanların doldurulması zorunludur.
network-choose = Lütfen seçin

network-field-org-name = Kuruluşun adı
network-field-contact-name = İrtibat kişisinin adı
network-field-function = Görevi
network-field-email = E-posta adresi
network-field-email-hint = Kişisel bağlantıyı bu adrese göndereceğiz.
network-field-phone = Telefon
network-field-seat = Merkez (yer)
network-field-seat-hint = Merkezi bu şehirde bulunan kuruluşlar üye olabilir.
network-field-kind = Kuruluş türü
network-field-street = Sokak ve kapı numarası
network-field-postcode = Posta kodu
network-field-website = Web sitesi
network-field-languages = Konuşulan diller
network-field-topics = Çalışma alanları
network-field-motivation = Neden katılmak istiyorsunuz?
network-field-statutes = Tüzük (PDF)
network-field-statutes-hint = Yalnızca PDF, en fazla { $mb } MB.

network-app-title = Başvurunuz
network-app-status = Durum
network-app-status-interest = İlgi bildirildi
network-app-status-submitted = Başvuru alındı
network-app-status-in_review = İnceleniyor
network-app-status-accepted = Kabul edildi
network-app-status-rejected = Reddedildi
network-app-step-decision = Karar
network-step-done = tamamlandı
network-app-form-title = Başvuruyu tamamlayın
network-app-form-intro = Lütfen kuruluşunuzu tanıtın ve tüzüğünüzü yükleyin. Gönderdikten sonra bilgileri artık değiştiremezsiniz.
network-app-org-legend = Kuruluş
network-app-contact-legend = İrtibat kişisi
network-app-submit = Başvuruyu gönder
network-app-wait = Başvurunuz elimize ulaştı. Karar verilir verilmez size e-posta ile bilgi vereceğiz.
network-app-reason = Gerekçe
network-app-accepted-next = Ağa hoş geldiniz! Şifrenizi belirlemeniz için bağlantı içeren bir e-posta aldınız. Ardından giriş yapabilir ve iş birliği anlaşmasını kabul edebilirsiniz.
network-app-keep-link = Bu sayfanın bağlantısını saklayın: Başvurunuzun durumunu yalnızca bu bağlantıyla görebilirsiniz.

network-error-name = Lütfen kuruluşun adını girin (en fazla 200 karakter, tek satır).
network-error-contact = Lütfen irtibat kişisinin adını girin (en fazla 200 karakter).
network-error-email = Lütfen geçerli bir e-posta adresi girin.
network-error-city = Lütfen kuruluşun merkezinin bulunduğu yeri girin.
network-error-kind = Lütfen kuruluş türünü seçin.
network-error-too-long = Girdiğiniz bilgilerden biri çok uzun.
network-error-website = Web sitesi adresi https:// veya http:// ile başlamalıdır.
network-error-language = Lütfen listeden dil seçin.
network-error-topic = Bilinmeyen çalışma alanı: { $topic }
network-error-motivation = Lütfen neden katılmak istediğinizi kısaca açıklayın.
network-error-statutes-missing = Lütfen tüzüğünüzü PDF olarak yükleyin.
network-error-statutes-size = Dosya çok büyük: en fazla { $mb } MB.
network-error-statutes-type = Dosya PDF değil. Lütfen tüzüğü PDF olarak yükleyin.
network-error-already-submitted = Bu başvuru zaten gönderildi ve artık değiştirilemez.

network-mail-greeting = Sayın { $name },
network-mail-interest-subject = { $city } iş birliği ağına gösterdiğiniz ilgi
network-mail-interest-body = “{ $organisation }” kuruluşunun iş birliği ağına gösterdiği ilgi için çok teşekkür ederiz. Aşağıdaki bağlantı üzerinden başvuruyu tamamlayabilir ve durumunu istediğiniz zaman görebilirsiniz.
network-mail-private-link = Kişisel bağlantınız (lütfen başkalarıyla paylaşmayın):
network-mail-decision-subject = Başvurunuz hakkında karar – { $city } iş birliği ağı
network-mail-accepted-body = Yürütme grubu karar verdi: “{ $organisation }” iş birliği ağına kabul edildi. Aramıza hoş geldiniz!
network-mail-rejected-body = Yürütme grubu, “{ $organisation }” kuruluşunun başvurusu hakkında karar verdi ve maalesef başvuruyu kabul edemiyor.
network-mail-invitation = Bu bağlantı üzerinden şifrenizi belirleyebilirsiniz (14 gün geçerlidir). Ardından giriş yapın ve iş birliği anlaşmasını kabul edin:
network-measures-topic-title = Ağın önlemleri
network-measures-topic-none = Bu konuda henüz önlem yok.
