# Events: messages to registrants. Resident languages fall back to German until translated.

events-mail-greeting = Sayın { $name },
events-mail-confirmed-subject = Kaydınız onaylandı
events-mail-confirmed-body = “{ $title }” etkinliği için kaydınız onaylanmıştır. Yeriniz sizin için ayrılmıştır.
events-mail-waitlisted-subject = Bekleme listesindesiniz
events-mail-waitlisted-body = “{ $title }” etkinliğinin tüm yerleri dolmuştur. Bekleme listesindesiniz. Sizin için bir yer boşalır boşalmaz size haber vereceğiz.
events-mail-promoted-subject = Bir yer boşaldı
events-mail-promoted-body = “{ $title }” etkinliğinde bir yer boşaldı. Kaydınız artık onaylanmıştır.
events-mail-position = { $position ->
    [one] Bekleme listesinde sıradaki kişi sizsiniz.
   *[other] Bekleme listesindeki sıranız: { $position }.
}
events-mail-when = Ne zaman
events-mail-where = Nerede
events-mail-cancel = Gelemeyecekseniz lütfen yerinizi boşaltın. Kaydınızı görmek ve iptal etmek için kişisel bağlantınız:

events-title = Etkinlikler
events-summary = Polis ve ortak kuruluşların forumları, söyleşileri ve önleme etkinlikleri – kayıt yaptırarak katılabilirsiniz.
events-intro = Polis, belediye ve ortak kuruluşlar sizi forumlara, söyleşilere ve önleme etkinliklerine davet ediyor. Tüm etkinlikler ücretsizdir.
events-calendar-link = Tüm etkinliklere takvim olarak abone olun (iCal)
events-upcoming = Yaklaşan etkinlikler
events-past = Geçmiş etkinlikler
events-none = Şu anda planlanmış bir etkinlik bulunmuyor.
events-back = Tüm etkinlikler
events-kind = Tür
events-kind-forum = Forum
events-kind-open-conference = Açık konferans
events-kind-discussion-round = Söyleşi
events-kind-prevention-event = Önleme etkinliği
events-kind-training = Eğitim
events-kind-intercultural-week = Kültürlerarası Hafta
events-kind-committee-session = Komisyon toplantısı
events-places-left = Boş yer sayısı
events-waitlist-open = bekleme listesine kaydolabilirsiniz
events-add-to-calendar = Kendi takviminize ekleyin (iCal)
events-register-title = Kayıt
events-cancelled = Bu etkinlik iptal edildi.
events-no-registration = Bu etkinlik için kayıt gerekmiyor.
events-over = Bu etkinlik sona ermiştir.
events-opens = Kayıtlar { $when } itibarıyla başlayacaktır.
events-closed = Kayıtlar { $when } itibarıyla kapanmıştır.
events-full = Etkinliğin tüm yerleri dolmuştur ve bekleme listesi yoktur.
events-form-name = Adınız ve soyadınız
events-form-email = E-posta adresiniz
events-form-email-hint = Onayı ve kaydınızı iptal etmek için kişisel bağlantınızı bu adrese göndereceğiz.
events-form-organisation = Kuruluş veya dernek (isteğe bağlı)
events-form-accessibility = Örneğin basamaksız giriş gibi bir desteğe ihtiyacınız var mı? (isteğe bağlı)
events-form-interpreter = Sözlü tercüme istediğiniz dil (isteğe bağlı)
events-form-no-interpreter = Sözlü tercümeye gerek yok
events-form-submit = Kesin olarak kaydol
events-form-name-invalid = Lütfen adınızı ve soyadınızı girin (en fazla 200 karakter).
events-form-email-invalid = Lütfen geçerli bir e-posta adresi girin.
events-form-too-long = Girdiğiniz bilgilerden biri çok uzun. Lütfen kısaltın.
events-registration-title = Kaydınız
events-registration-confirmed = Sayın { $name }, kaydınız onaylanmıştır. Yeriniz sizin için ayrılmıştır.
events-registration-waitlisted = Sayın { $name }, bekleme listesindesiniz. Bir yer boşalır boşalmaz size yazacağız.
events-registration-cancelled = Bu kayıt iptal edilmiştir. Yer yeniden boşalmıştır.
events-registration-event = Etkinlik
events-registration-keep-link = Bu sayfanın bağlantısını saklayın: Kaydınızı yalnızca bu bağlantıyla görüntüleyebilir ve iptal edebilirsiniz. Bağlantıyı size e-posta ile de gönderdik.
events-registration-cancel = Kaydımı iptal et ve yerimi boşalt

# Waiting-list offers, cancellations, reminders, bulk-mail opt-out.
events-mail-offered-subject = Sizin için bir yer boşaldı
events-mail-offered-body = “{ $title }” etkinliğinde bir yer boşaldı. Bu yeri sizin için ayırdık – lütfen zamanında onaylayın.
events-mail-offer-deadline = Lütfen { $deadline } tarihine kadar onaylayın. Bu süreden sonra yer bekleme listesindeki sıradaki kişiye geçer.
events-mail-offer-link = Yeri buradan onaylayabilir veya bırakabilirsiniz (kişisel bağlantınız):
events-mail-expired-subject = Teklifin süresi doldu
events-mail-expired-body = “{ $title }” etkinliğindeki boş yeri zamanında onaylamadınız. Yer şimdi bekleme listesindeki sıradaki kişiye geçiyor.
events-mail-event-cancelled-subject = Etkinlik iptal edildi
events-mail-event-cancelled-body = “{ $title }” etkinliği iptal edildi. Kaydınız bu nedenle geçersizdir.
events-mail-cancel-reason = Nedeni: { $reason }
events-mail-reminder-subject = Hatırlatma: yarın
events-mail-reminder-body = “{ $title }” etkinliğini hatırlatmak isteriz. Yeriniz sizin için ayrılmıştır.
events-mail-unsubscribe = Hatırlatma ve davet almak istemiyorsanız (onayları almaya devam edersiniz):

events-cancel-reason = İptal nedeni
events-topics = Konular
events-access-title = Erişilebilirlik
events-access-step-free = Basamaksız giriş
events-access-hearing-loop = İşitme cihazları için indüksiyon döngüsü
events-access-interpreters = Tercümanlık
events-access-no-interpreters = Tercümanlık sunulmuyor
events-access-note = Erişilebilirlik hakkında notlar
events-yes = Evet
events-no = Hayır
events-unknown = Bilinmiyor
events-interpreter-dgs = Alman İşaret Dili

events-form-organisation-required = Kuruluş veya dernek
events-form-accessibility-required = Hangi desteğe ihtiyacınız var, örneğin basamaksız giriş?
events-form-interpreter-required = Bir dile tercümanlık
events-form-choose = Lütfen seçin
events-form-optional = isteğe bağlı
events-form-answer-invalid = Bu cevap soruya uymuyor. Lütfen kontrol edin.
events-form-answer-required = Lütfen bu soruyu cevaplayın.

events-registration-offered = { $name }, sizin için bir yer boşaldı. Bu yeri sizin için ayırdık.
events-registration-offer-until = Lütfen yeri { $deadline } tarihine kadar onaylayın.
events-registration-expired = Size sunulan yeri zamanında onaylamadınız. Yer bekleme listesindeki sıradaki kişiye geçti.
events-registration-offer-confirm = Yeri kesin olarak onayla
events-registration-offer-decline = Yeri kabul etme ve bırak
events-registration-offer-gone = Bu teklif artık geçerli değil. Süre doldu veya yer başkasına verildi.
events-registration-cancel-closed = { $when } tarihinden beri bu bağlantı ile kaydınızı iptal edemezsiniz. Gelemeyecekseniz lütfen düzenleyicilere haber verin.
events-registration-cancel-until = Kaydınızı { $when } tarihine kadar kendiniz iptal edebilirsiniz.

events-unsubscribe-title = Artık hatırlatma yok
events-unsubscribe-explain = Bu adrese artık etkinlik hatırlatmaları ve davetleri gönderilmez. Onayları, boş yer tekliflerini ve iptal bildirimlerini almaya devam edersiniz.
events-unsubscribe-submit = Hatırlatma ve davetleri durdur
events-unsubscribe-done = Tamam: Bu adrese artık hatırlatma ve davet göndermeyeceğiz. Onayları ve iptal bildirimlerini almaya devam edersiniz.
