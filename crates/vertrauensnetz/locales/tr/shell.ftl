# Shell: layout, start page, login, error pages. Every resident language has this file.

site-name = Vertrauensnetz
skip-to-content = İçeriğe geç
nav-language = Dil
nav-account = Hesap
nav-login = Giriş yap
nav-logout = Çıkış yap
nav-staff = Çalışma alanı
footer-emergency = Acil durumda: Polis 110, itfaiye ve ambulans 112.
footer-privacy = Bu sayfalar başka sunuculardan hiçbir şey yüklemez ve reklam ya da analiz amaçlı çerez kullanmaz.

portal-title = Şehrinizde güvenlik ve güven
portal-intro = Lütfen şehrinizi seçin.

start-page-title = Ana sayfa
start-title = Vertrauensnetz { $city }
start-intro = Belediye, polis ve sivil toplum burada güvenlik ve güven için birlikte çalışıyor. Burada arızaları ve güvensiz yerleri bildirebilir, şikâyette bulunabilir, polis kontrolünden sonra aldığınız makbuzu doğrulayabilir, etkinliklere katılabilir ve uyarıları okuyabilirsiniz.
start-emergency-title = Acil durumda
start-emergency-text = Polis için 110'u, itfaiye ve ambulans için 112'yi arayın. Bu sayfalar acil çağrının yerini tutmaz.
start-services-title = Hizmetler
start-services-coming = Şehir sakinlerine yönelik hizmetler burada adım adım kullanıma açılacaktır.
start-staff-title = Çalışanlar ve ortaklar için
start-staff-text = Belediye, polis, şikâyet birimi ve ortak kuruluşların çalışanları buradan giriş yapar.

login-title = Giriş yap
login-email = E-posta adresi
login-password = Şifre
login-submit = Giriş yap
login-help = Şifrenizi mi unuttunuz? Lütfen kurumunuzun sistem yöneticilerine başvurun.
login-failed = Giriş başarısız oldu. Lütfen e-posta adresinizi ve şifrenizi kontrol edin.
login-throttled = Çok fazla giriş denemesi yapıldı. Lütfen 15 dakika bekleyin ve ardından tekrar deneyin.

second-factor-title = İkinci doğrulama adımı
second-factor-intro = Kimlik doğrulama uygulamanızdaki (Authenticator) altı haneli kodu girin.
second-factor-code = Altı haneli kod
second-factor-submit = Onayla
second-factor-wrong = Kod yanlış veya daha önce kullanılmış.

form-error-summary = Lütfen aşağıdaki bilgileri düzeltin:

error-code = Hata kodu { $status }
error-back-home = Ana sayfaya dön
error-not-found = Sayfa bulunamadı
    .help = Bu adres mevcut değil. Belki bir yazım hatası olmuştur.
error-forbidden = Erişim yok
    .help = Bu sayfayı görüntüleme yetkiniz yok.
error-unauthorized = Giriş yapmanız gerekiyor
    .help = Lütfen giriş yapın.
error-bad-token = Geçersiz erişim anahtarı
    .help = Erişim anahtarı (Bearer token) geçersiz veya iptal edilmiş.
error-bad-request = Geçersiz istek
    .help = İstek işlenemedi. Lütfen girdiğiniz bilgileri kontrol edin.
error-unprocessable = Bilgiler eksik veya geçersiz
    .help = Lütfen girdiğiniz bilgileri kontrol edin. Hiçbir şey kaydedilmedi.
error-too-large = Veri miktarı çok büyük
    .help = Gönderilen veriler çok büyük. Hiçbir şey kaydedilmedi.
error-media-type = Yanlış veri biçimi
    .help = Veriler burada kabul edilmeyen bir biçimde gönderildi.
error-method = İşlem mümkün değil
    .help = Bu işlem bu adres için öngörülmemiştir.
error-too-many = Çok fazla istek
    .help = Lütfen birkaç dakika bekleyin ve ardından tekrar deneyin.
error-csrf = Formun süresi doldu
    .help = Formun süresi dolmuş veya form bu siteden gönderilmemiş. Lütfen sayfayı yeniden yükleyin ve formu tekrar gönderin.
error-cross-site = Başka bir siteden gelen istek reddedildi
    .help = Bu işlem yalnızca bu web sitesinden başlatılabilir.
error-unavailable = Geçici olarak kullanılamıyor
    .help = Hizmete şu anda ulaşılamıyor. Lütfen birkaç dakika sonra tekrar deneyin.
error-internal = Dahili hata
    .help = Bir sorun oluştu. Hata kayda alındı. Lütfen daha sonra tekrar deneyin.
error-conflict = Mümkün değil
    .help = Bu işlem şu anki durumda mümkün değil.
