# Shell: layout, start page, login, error pages. Every resident language has this file.

site-name = Vertrauensnetz
skip-to-content = Przejdź do treści
nav-language = Język
nav-account = Konto
nav-login = Zaloguj się
nav-logout = Wyloguj się
nav-staff = Obszar roboczy
footer-emergency = W nagłych wypadkach: policja 110, straż pożarna i pogotowie ratunkowe 112.
footer-privacy = Te strony nie pobierają niczego z obcych serwerów i nie zapisują plików cookie służących do reklamy ani analityki.

portal-title = Bezpieczeństwo i zaufanie w Państwa mieście
portal-intro = Prosimy wybrać swoje miasto.

start-page-title = Strona główna
start-title = Vertrauensnetz { $city }
start-intro = Miasto, policja i społeczeństwo obywatelskie współpracują tutaj na rzecz bezpieczeństwa i zaufania. Mogą tu Państwo zgłaszać usterki i niebezpieczne miejsca, składać skargi, sprawdzać pokwitowanie otrzymane po kontroli policyjnej, brać udział w wydarzeniach i czytać ostrzeżenia.
start-emergency-title = W nagłych wypadkach
start-emergency-text = Prosimy dzwonić na policję pod numer 110, a do straży pożarnej i pogotowia ratunkowego pod numer 112. Te strony nie zastępują zgłoszenia na numer alarmowy.
start-services-title = Usługi
start-services-coming = Usługi dla mieszkanek i mieszkańców będą tu udostępniane stopniowo.
start-staff-title = Dla pracowników i partnerów
start-staff-text = Tutaj logują się pracownicy miasta, policji, biura skarg oraz organizacji partnerskich.

login-title = Logowanie
login-email = Adres e-mail
login-password = Hasło
login-submit = Zaloguj się
login-help = Nie pamiętają Państwo hasła? Prosimy zwrócić się do administratorów swojej instytucji.
login-failed = Logowanie nie powiodło się. Prosimy sprawdzić adres e-mail i hasło.
login-throttled = Zbyt wiele prób logowania. Prosimy odczekać 15 minut i spróbować ponownie.

second-factor-title = Drugi składnik uwierzytelniania
second-factor-intro = Prosimy wpisać sześciocyfrowy kod z aplikacji uwierzytelniającej.
second-factor-code = Sześciocyfrowy kod
second-factor-submit = Potwierdź
second-factor-wrong = Kod jest nieprawidłowy lub został już użyty.

form-error-summary = Prosimy poprawić następujące dane:

error-code = Kod błędu { $status }
error-back-home = Przejdź do strony głównej
error-not-found = Nie znaleziono strony
    .help = Ten adres nie istnieje. Być może wkradła się literówka.
error-forbidden = Brak dostępu
    .help = Nie mają Państwo uprawnień do tej strony.
error-unauthorized = Wymagane zalogowanie
    .help = Prosimy się zalogować.
error-bad-token = Nieprawidłowy klucz dostępu
    .help = Klucz dostępu (token Bearer) jest nieprawidłowy lub został unieważniony.
error-bad-request = Nieprawidłowe żądanie
    .help = Nie udało się przetworzyć żądania. Prosimy sprawdzić wprowadzone dane.
error-unprocessable = Dane niekompletne lub nieprawidłowe
    .help = Prosimy sprawdzić wprowadzone dane. Nic nie zostało zapisane.
error-too-large = Zbyt duża ilość danych
    .help = Przesłane dane są zbyt duże. Nic nie zostało zapisane.
error-media-type = Nieprawidłowy format danych
    .help = Dane zostały przesłane w formacie, który nie jest tu akceptowany.
error-method = Działanie niemożliwe
    .help = To działanie nie jest przewidziane dla tego adresu.
error-too-many = Zbyt wiele żądań
    .help = Prosimy odczekać kilka minut i spróbować ponownie.
error-csrf = Formularz wygasł
    .help = Formularz wygasł lub nie pochodzi z tej strony. Prosimy odświeżyć stronę i wysłać formularz ponownie.
error-cross-site = Odrzucono żądanie z innej strony
    .help = To działanie można uruchomić wyłącznie z tej strony internetowej.
error-unavailable = Tymczasowo niedostępne
    .help = Usługa jest w tej chwili niedostępna. Prosimy spróbować ponownie za kilka minut.
error-internal = Błąd wewnętrzny
    .help = Coś poszło nie tak. Błąd został zarejestrowany. Prosimy spróbować ponownie później.
error-conflict = Niemożliwe
    .help = Ta czynność nie jest teraz możliwa.
