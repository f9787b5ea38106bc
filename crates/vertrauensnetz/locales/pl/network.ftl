# Cooperation network: public pages (partners, agreement, news, accountability,
# joining). Every resident language has this file.

network-public-title = Sieć współpracy
network-public-summary = Policja, miasto i organizacje społeczeństwa obywatelskiego w dialogu – kto bierze udział, co uzgodniono i jak mogą Państwo dołączyć.
network-public-intro = W sieci współpracy policja, miasto i organizacje społeczeństwa obywatelskiego działają razem na rzecz dialogu i zaufania. Tutaj znajdą Państwo partnerów, porozumienie o współpracy, wspólne komunikaty prasowe oraz stan realizacji uzgodnionych działań.
network-public-partners = Organizacje partnerskie
network-public-none = Żadna organizacja partnerska nie ma jeszcze publicznego profilu.
network-public-back = Powrót do sieci współpracy
network-logo-alt = Logo organizacji { $organisation }

network-org-kind-migrant_organisation = Organizacja migrantów
network-org-kind-youth_organisation = Organizacja młodzieżowa
network-org-kind-association = Stowarzyszenie
network-org-kind-religious_community = Wspólnota religijna
network-org-kind-counselling_service = Poradnia
network-org-kind-police_unit = Jednostka policji
network-org-kind-city_office = Jednostka miejska
network-org-kind-other = Inne

network-news-title = Wspólne komunikaty prasowe
network-news-summary = Komunikaty zatwierdzone przez wszystkich zaangażowanych partnerów.
network-news-intro = Komunikaty są publikowane dopiero wtedy, gdy każda zaangażowana organizacja partnerska zatwierdzi ich dokładną treść.
network-news-none = Nie opublikowano jeszcze żadnych komunikatów.
network-news-feed = Subskrybuj komunikaty jako kanał Atom
network-news-feed-title = Wspólne komunikaty prasowe – sieć współpracy { $city }
network-news-feed-author = Sieć współpracy { $city }
network-news-signatories = Wydane wspólnie przez
network-news-back = Wszystkie komunikaty

network-agreement-title = Porozumienie o współpracy
network-agreement-version-of = Wersja { $version } z dnia
network-agreement-untranslated = Ta wersja nie jest jeszcze dostępna w Państwa języku. Wyświetlany jest tekst niemiecki.
network-agreement-preamble = Preambuła
network-agreement-goals = Cele
network-agreement-measures = Działania
network-agreement-closing = Postanowienia końcowe
network-agreement-signatories = Sygnatariusze
network-agreement-no-signatories = Nie ma jeszcze podpisów.
network-agreement-versions = Wcześniejsze wersje
network-agreement-changes-in = Zmiany w wersji { $version }
network-agreement-none = Nie opublikowano jeszcze żadnego porozumienia.
network-agreement-diff-title = Zmiany między dwiema wersjami
network-agreement-diff-from = Od wersji
network-agreement-diff-to = Do wersji
network-agreement-diff-show = Porównaj
network-agreement-diff-count = { $n ->
    [0] Brak zmian.
    [one] Jeden zmieniony wiersz.
    [few] { $n } zmienione wiersze.
    [many] { $n } zmienionych wierszy.
   *[other] { $n } zmienionego wiersza.
}
network-agreement-back = Przejdź do aktualnej wersji
network-diff-added = Dodano
network-diff-removed = Usunięto

network-accountability-title = Działania i ich realizacja
network-accountability-intro = Jakie cele wyznaczyła sobie sieć, za pomocą jakich działań je realizuje i na jakim etapie jest wykonanie zadań.
network-accountability-none = Nie wprowadzono jeszcze żadnych celów.
network-progress = Wykonano: { $done }
network-progress-of = Postęp: { $title }
network-actions-of = Zadania w ramach: { $title }
network-action = Zadanie
network-action-owner = Odpowiedzialni
network-action-due = Termin
network-action-status = Stan
network-action-overdue = po terminie
network-action-status-open = otwarte
network-action-status-in_progress = w toku
network-action-status-done = wykonane
network-action-status-dropped = zaniechane

network-join-title = Zostać partnerem
network-join-intro = Państwa organizacja chce działać w sieci współpracy? Prosimy zgłosić tutaj swoje zainteresowanie. Następnie otrzymają Państwo osobisty link, za pomocą którego uzupełnią Państwo wniosek i będą mogli śledzić jego stan.
network-join-step-interest = Zgłoszenie zainteresowania (ten formularz)
network-join-step-application = Złożenie wniosku wraz ze statutem
network-join-step-review = Weryfikacja i głosowanie w grupie sterującej
network-join-step-decision = Decyzja z uzasadnieniem przesłana e-mailem
network-join-privacy = Państwa dane wykorzystujemy wyłącznie w procedurze rozpatrywania wniosku. Dane kontaktowe widzi tylko biuro koordynacyjne, a później Państwa własna organizacja.
network-join-submit = Wyślij zgłoszenie zainteresowania
network-required-hint = Pola oznaczone * są obowiązkowe.
network-choose = Prosimy wybrać

network-field-org-name = Nazwa organizacji
network-field-contact-name = Imię i nazwisko osoby kontaktowej
network-field-function = Funkcja
network-field-email = Adres e-mail
network-field-email-hint = Na ten adres wyślemy osobisty link.
network-field-phone = Telefon
network-field-seat = Siedziba (miejscowość)
network-field-seat-hint = Członkami mogą zostać organizacje z siedzibą w tym mieście.
network-field-kind = Rodzaj organizacji
network-field-street = Ulica i numer domu
network-field-postcode = Kod pocztowy
network-field-website = Strona internetowa
network-field-languages = Używane języki
network-field-topics = Obszary działalności
network-field-motivation = Dlaczego chcą Państwo współpracować?
network-field-statutes = Statut (PDF)
network-field-statutes-hint = Tylko PDF, maksymalnie { $mb } MB.

network-app-title = Państwa wniosek
network-app-status = Stan
network-app-status-interest = Zgłoszono zainteresowanie
network-app-status-submitted = Wniosek wpłynął
network-app-status-in_review = W trakcie rozpatrywania
network-app-status-accepted = Przyjęto
network-app-status-rejected = Odrzucono
network-app-step-decision = Decyzja
network-step-done = wykonano
network-app-form-title = Uzupełnienie wniosku
network-app-form-intro = Prosimy opisać swoją organizację i przesłać jej statut. Po wysłaniu nie będzie już można zmienić danych.
network-app-org-legend = Organizacja
network-app-contact-legend = Osoba kontaktowa
network-app-submit = Złóż wniosek
network-app-wait = Otrzymaliśmy Państwa wniosek. Odezwiemy się e-mailem, gdy tylko zapadnie decyzja.
network-app-reason = Uzasadnienie
network-app-accepted-next = Witamy w sieci! Otrzymali Państwo e-mail z linkiem do ustawienia hasła. Następnie mogą się Państwo zalogować i przyjąć porozumienie o współpracy.
network-app-keep-link = Prosimy zachować link do tej strony: tylko za jego pomocą mogą Państwo sprawdzić stan swojego wniosku.

network-error-name = Prosimy podać nazwę organizacji (maksymalnie 200 znaków, jeden wiersz).
network-error-contact = Prosimy podać imię i nazwisko osoby kontaktowej (maksymalnie 200 znaków).
network-error-email = Prosimy podać prawidłowy adres e-mail.
network-error-city = Prosimy podać siedzibę organizacji.
network-error-kind = Prosimy wybrać rodzaj organizacji.
network-error-too-long = Jeden z wpisów jest za długi.
network-error-website = Adres strony internetowej musi zaczynać się od https:// lub http://.
network-error-language = Prosimy wybrać języki z listy.
network-error-topic = Nieznany obszar działalności: { $topic }
network-error-motivation = Prosimy krótko opisać, dlaczego chcą Państwo współpracować.
network-error-statutes-missing = Prosimy przesłać statut w formacie PDF.
network-error-statutes-size = Plik jest za duży: maksymalnie { $mb } MB.
network-error-statutes-type = Plik nie jest w formacie PDF. Prosimy przesłać statut jako PDF.
network-error-already-submitted = Ten wniosek został już złożony i nie można go już zmienić.

network-mail-greeting = Dzień dobry { $name },
network-mail-interest-subject = Państwa zainteresowanie siecią współpracy { $city }
network-mail-interest-body = dziękujemy za zainteresowanie organizacji „{ $organisation }” siecią współpracy. Za pomocą poniższego linku mogą Państwo uzupełnić wniosek i w każdej chwili sprawdzić jego stan.
network-mail-private-link = Państwa osobisty link (prosimy nie przekazywać go innym osobom):
network-mail-decision-subject = Decyzja w sprawie Państwa wniosku – sieć współpracy { $city }
network-mail-accepted-body = grupa sterująca zdecydowała: organizacja „{ $organisation }” zostaje przyjęta do sieci współpracy. Serdecznie witamy!
network-mail-rejected-body = grupa sterująca rozpatrzyła wniosek organizacji „{ $organisation }” i niestety nie może go przyjąć.
network-mail-invitation = Za pomocą tego linku ustawią Państwo swoje hasło (link jest ważny 14 dni). Następnie prosimy się zalogować i przyjąć porozumienie o współpracy:
network-measures-topic-title = Działania sieci
network-measures-topic-none = Na ten temat nie ma jeszcze działań.
